using Slipway.Build;
using Slipway.Containers.Building;
using Slipway.Containers.Images;

namespace Slipway.Containers.Compose;

/// <summary>Starts the stack from the built images under its own project name, waits for health, and always takes it down.</summary>
public interface IComposeUp : IBuildImages
{
    const int LogLines = 200;

    [Parameter("Seconds to wait for every service to be healthy (compose up --wait-timeout)")]
    int? WaitTimeout => TryGetValue<int?>(() => WaitTimeout);

    [Parameter("Leave the stack running when the run ends (ComposeDown is skipped)")]
    bool? KeepStack => TryGetValue<bool?>(() => KeepStack);

    /// <summary>Starts what can start while the other images still build, when ComposeUp is in the run (see <see cref="HeadStartRun"/>).</summary>
    Task IBuildImages.ImagesLoadedAsync(IReadOnlyList<BuiltImage> images, IReadOnlyList<string> stillBuilding, bool bakeRunning, CancellationToken ct) =>
        new HeadStartRun(this).StartAsync(images, stillBuilding, bakeRunning, ct);

    /// <summary>Called as ComposeUp starts the stack, so that later work can begin on services as they come up. Nothing by default.</summary>
    void StackStarting(StackWatch watch)
    {
    }

    /// <summary>The stacks this checkout started and has not taken down (.nuke/temp/compose).</summary>
    StartedStacks StartedStacks => new(TemporaryDirectory / "compose");

    Target ComposeUp => _ => _
        .Description("Starts the stack from the built images and waits until every service is healthy")
        .DependsOn<IBuildImages>(x => x.BuildImages)
        .Consumes<IBuildImages>(x => x.BuildImages)
        .Triggers<IComposeUp>(x => x.ComposeDown)
        .Produces("artifacts/compose/**")
        .Validates(() => ComposeInputs.Validate(this))
        .Executes(ct => new ComposeUpRun(this).RunAsync(ct));

    Target ComposeDown => _ => _
        .Description("Stops the stack and removes its containers, networks and volumes, and any earlier stack of this checkout still up")
        .AssuredAfterFailure()
        .OnlyWhenStatic(() => KeepStack != true)
        .OnlyWhenDynamic(() => Context.State<ComposeSession>().Command != null || StartedStacks.Projects().Count > 0)
        .Executes(ct => new ComposeDownRun(this).RunAsync(ct));
}
