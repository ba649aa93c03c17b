using System.Text.Json.Nodes;
using Slipway.Containers.Compose;
using Slipway.Containers.Images;
using Slipway.Containers.Stacks;

namespace Slipway.Containers.Tests.Compose;

/// <summary>What may start while other images build, and the order and timing of those starts.</summary>
public class HeadStartTests
{
    private static ServiceDefinition Service(string name, bool built, params string[] dependsOn) => new(name, built ? null : name + ":1",
        built ? new BuildDefinition("/repo/" + name, "Dockerfile", null, new Dictionary<string, string?>()) : null,
        true, [], dependsOn.ToDictionary(d => d, _ => "service_healthy"), new Dictionary<string, JsonNode?>());

    // proxy → api → (db, cache); worker → cache; migrate (built) → db; db and cache are pulled in the first stack, built in the second.
    private static StackDefinition Stack(bool dataBuilt) => new("shop",
    [
        Service("proxy", true, "api"), Service("api", true, "db", "cache"), Service("worker", true, "cache"),
        Service("db", dataBuilt), Service("cache", dataBuilt), Service("migrate", true, "db"),
    ], new JsonObject(), "");

    private static IReadOnlyList<string> Startable(StackDefinition stack, params string[] loaded) => HeadStartPlan.Startable(stack, loaded.ToHashSet());

    [Fact]
    public void Before_anything_is_built_only_what_builds_nothing_starts() =>
        Assert.Equal(["db", "cache"], Startable(Stack(dataBuilt: false)));

    [Fact]
    public void A_loaded_image_starts_once_its_dependencies_can() =>
        Assert.Equal(["worker", "db", "cache", "migrate"], Startable(Stack(dataBuilt: false), "worker", "migrate", "proxy"));

    [Fact]
    public void A_service_waits_for_a_dependency_whose_image_is_still_building()
    {
        Assert.Empty(Startable(Stack(dataBuilt: true)));
        Assert.Equal(["db"], Startable(Stack(dataBuilt: true), "db", "api", "proxy"));
        Assert.Equal(["proxy", "api", "db", "cache"], Startable(Stack(dataBuilt: true), "db", "cache", "api", "proxy"));
    }

    [Fact]
    public void A_dependency_the_stack_lacks_keeps_its_dependents_back()
    {
        var stack = new StackDefinition("shop", [Service("api", true, "gone"), Service("db", false)], new JsonObject(), "");
        Assert.Equal(["db"], Startable(stack, "api"));
    }

    private static BuiltImage Image(string service) => new()
    {
        Service = service, Repository = "shop/" + service, Tag = "t", Reference = $"shop/{service}:t", Digest = "sha256:" + new string('a', 64), Manifests = [],
    };

    [Fact]
    public async Task Starts_run_one_after_another_each_with_every_image_loaded_so_far_and_never_twice()
    {
        var head = new HeadStart();
        var stack = Stack(dataBuilt: true);
        var first = new TaskCompletionSource();
        var starts = new List<(string[] Loaded, string[] Services)>();
        Task Start(IReadOnlyList<BuiltImage> loaded, IReadOnlyList<string> services)
        {
            lock (starts) starts.Add(([.. loaded.Select(i => i.Service)], [.. services]));
            return starts.Count == 1 ? first.Task : Task.CompletedTask;
        }
        IReadOnlyList<string> Plan(IReadOnlySet<string> loaded) => HeadStartPlan.Startable(stack, loaded);

        Assert.False(head.Queue([], Plan, Start));
        Assert.True(head.Queue([Image("db"), Image("cache")], Plan, Start));
        Assert.True(head.Queue([Image("worker")], Plan, Start));
        Assert.True(head.Queue([Image("migrate")], Plan, Start));
        Assert.Single(starts);   // the later starts wait for the first

        first.SetResult();
        await head.FinishAsync();
        Assert.Equal([["db", "cache"], ["worker"], ["migrate"]], starts.Select(s => s.Services));
        Assert.Equal(["db", "cache", "worker", "migrate"], starts[^1].Loaded);
        Assert.Equal(["db", "cache", "worker", "migrate"], head.Services);
    }

    [Fact]
    public async Task The_lead_is_the_time_from_the_first_start_to_ComposeUp_however_long_the_starts_run_on()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var head = new HeadStart();
        var release = new TaskCompletionSource();
        head.Queue([], _ => ["db"], (_, _) => release.Task);
        await Task.Delay(150);
        var finishing = head.FinishAsync();
        var asked = clock.Elapsed;
        await Task.Delay(150);
        release.SetResult();
        var lead = await finishing;
        // The start ran on for 150 ms after ComposeUp asked: that part was waited for, not a lead.
        Assert.InRange(lead, TimeSpan.FromMilliseconds(140), asked);
    }
}
