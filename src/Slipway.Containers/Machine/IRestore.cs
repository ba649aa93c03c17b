using Slipway.Build;
using Slipway.Build.Execution;
using Slipway.Containers.Stacks;

namespace Slipway.Containers.Machine;

/// <summary>Makes the machine ready to build and run the stack: Docker engine, buildx, compose, binfmt, base images, language restores.</summary>
public interface IRestore : IStack
{
    Target Restore => _ => _
        .Description("Makes this machine ready: Docker engine, buildx, compose, QEMU, base images, dotnet/npm restore")
        .Executes(() => throw new TargetFailedException("Restore is not implemented yet."));
}
