using Slipway.Build;
using Slipway.Build.Execution;
using Slipway.Containers.Building;

namespace Slipway.Containers.Compose;

/// <summary>Starts the stack from the built images under its own project name, waits for health, and always takes it down.</summary>
public interface IComposeUp : IBuildImages
{
    Target ComposeUp => _ => _
        .Description("Starts the stack from the built images and waits until every service is healthy")
        .DependsOn<IBuildImages>(x => x.BuildImages)
        .Consumes<IBuildImages>(x => x.BuildImages)
        .Triggers<IComposeUp>(x => x.ComposeDown)
        .Executes(() => throw new TargetFailedException("ComposeUp is not implemented yet."));

    Target ComposeDown => _ => _
        .Description("Stops the stack and removes its containers, networks and volumes")
        .AssuredAfterFailure()
        .Executes(() => throw new TargetFailedException("ComposeDown is not implemented yet."));
}
