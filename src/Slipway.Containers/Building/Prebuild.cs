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

    /// <summary>The service's prebuild command, or null when it declares none.</summary>
    public static string? CommandOf(ServiceDefinition service) =>
        service.Extensions.GetValueOrDefault(Extension)?.GetValue<string>() is { Length: > 0 } command ? command : null;

    public async Task RunAsync(IEnumerable<ServiceDefinition> services, IReadOnlyList<string> platforms, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string?>
        {
            ["SLIPWAY_PLATFORMS"] = string.Join(',', platforms),
            ["SLIPWAY_TARGETARCHS"] = string.Join(',', platforms.Select(p => PlatformName.Of(p).Architecture)),
        };
        foreach (var service in services)
        {
            if (CommandOf(service) is not { } command) continue;
            await processes.RunAsync("sh", ["-c", command],
                new ProcessOptions { WorkingDirectory = service.Build!.Context, Environment = environment }, cancellationToken);
        }
    }
}
