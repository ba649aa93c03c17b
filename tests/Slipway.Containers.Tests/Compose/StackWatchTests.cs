using System.Text.Json.Nodes;
using Slipway.Containers.Compose;
using Slipway.Containers.Stacks;

namespace Slipway.Containers.Tests.Compose;

/// <summary>What must be up before work on some services can begin while the rest of the stack starts.</summary>
public class StackWatchTests
{
    private static ServiceDefinition Service(string name, params string[] dependsOn) => new(name, name + ":1", null,
        true, [], dependsOn.ToDictionary(d => d, _ => "service_healthy"), new Dictionary<string, JsonNode?>());

    // proxy → api → (db, cache); worker → cache
    private static readonly StackWatch Watch = new("p", new StackDefinition("shop",
        [Service("proxy", "api"), Service("api", "db", "cache"), Service("worker", "cache"), Service("db"), Service("cache")], new JsonObject(), ""));

    [Fact]
    public void A_service_needs_what_it_depends_on_transitively() =>
        Assert.Equal(["api", "cache", "db", "proxy"], Watch.WithDependencies(new HashSet<string> { "proxy" }).Order());

    [Fact]
    public void A_service_with_no_dependencies_needs_only_itself() =>
        Assert.Equal(["db"], Watch.WithDependencies(new HashSet<string> { "db" }));

    [Fact]
    public void Naming_no_service_needs_the_whole_stack() =>
        Assert.Equal(["api", "cache", "db", "proxy", "worker"], Watch.WithDependencies(new HashSet<string>()).Order());

    [Fact]
    public void A_name_the_stack_lacks_needs_the_whole_stack() =>
        Assert.Equal(["api", "cache", "db", "proxy", "worker"], Watch.WithDependencies(new HashSet<string> { "nope" }).Order());
}
