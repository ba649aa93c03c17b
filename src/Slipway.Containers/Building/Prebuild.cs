using Slipway.Build.Processes;
using Slipway.Containers.Images;
using Slipway.Containers.Stacks;

namespace Slipway.Containers.Building;

/// <summary>
/// Runs the host-side preparation a service declares with <c>x-slipway-prebuild: &lt;shell command&gt;</c>
/// (cross-compiling, bundling a frontend) in its build context, told which architectures to prepare.
/// </summary>
public sealed class Prebuild(ProcessRunner processes)
{
    public const string Extension = "x-slipway-prebuild";

    public async Task RunAsync(IEnumerable<ServiceDefinition> services, IReadOnlyList<string> platforms, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string?>
        {
            ["SLIPWAY_PLATFORMS"] = string.Join(',', platforms),
            ["SLIPWAY_TARGETARCHS"] = string.Join(',', platforms.Select(p => PlatformName.Of(p).Architecture)),
        };
        foreach (var service in services)
        {
            if (service.Extensions.GetValueOrDefault(Extension)?.GetValue<string>() is not { Length: > 0 } command) continue;
            await processes.RunAsync("sh", ["-c", command],
                new ProcessOptions { WorkingDirectory = service.Build!.Context, Environment = environment }, cancellationToken);
        }
    }
}
