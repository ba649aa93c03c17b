using Slipway.Build;
using Slipway.Containers.Stacks;

namespace Slipway.Containers.Machine;

/// <summary>Makes the machine ready to build and run the stack: Docker engine, buildx, compose, binfmt, base images, language restores.</summary>
public interface IRestore : IStack
{
    [Parameter("Only check the machine: install nothing, start nothing, and print the commands that would make it ready")]
    bool? NoInstall => TryGetValue<bool?>(() => NoInstall);

    // Each workflow job runs on a fresh runner, so every job that needs a ready machine runs Restore itself.
    [WorkflowSetup]
    Target Restore => _ => _
        .Description("Makes this machine ready: Docker engine, buildx, compose, QEMU, base images, dotnet/npm restore")
        .Executes(ct => new RestoreRun(this, NoInstall ?? false).RunAsync(ct));
}
