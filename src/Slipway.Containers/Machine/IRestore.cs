using Slipway.Build;
using Slipway.Containers.Stacks;

namespace Slipway.Containers.Machine;

/// <summary>Makes the machine ready to build and run the stack: Docker engine, buildx, compose, binfmt, base images, language restores.</summary>
public interface IRestore : IStack
{
    [Parameter("Only check the machine: install nothing, start nothing, and print the commands that would make it ready")]
    bool? NoInstall => TryGetValue<bool?>(() => NoInstall);

    [Parameter("Let Restore restart a running Docker engine to switch it to the containerd image store, which multi-platform builds need: this hides the images of its classic store and stops its containers (CI=true implies it)")]
    bool? AllowEngineRestart => TryGetValue<bool?>(() => AllowEngineRestart);

    /// <summary>
    /// Installs the programs among <paramref name="tools"/> that the machine lacks, by Restore's rules: each install is
    /// simulated first and refused if it would replace an installed package. For targets that need more than the stack does.
    /// </summary>
    Task RestoreToolsAsync(IReadOnlyList<RequiredTool> tools, string neededFor, CancellationToken ct) =>
        new RestoreRun(this, NoInstall ?? false).RestoreToolsAsync(tools, neededFor, ct);

    // Each workflow job runs on a fresh runner, so every job that needs a ready machine runs Restore itself.
    [WorkflowSetup]
    Target Restore => _ => _
        .Description("Makes this machine ready: Docker engine, buildx, compose, QEMU, base images, dotnet/npm restore")
        .Validates(ct => StackInputs.ValidateAsync(this, ct))
        .Executes(ct => new RestoreRun(this, NoInstall ?? false).RunAsync(ct));
}
