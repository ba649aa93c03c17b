using System.Text;
using Slipway.Build.Processes;

namespace Slipway.Containers.Machine.Setup;

/// <summary>
/// Installs packages with apt, after simulating the install (<see cref="SimulateArguments"/>): the runner refuses when
/// the simulation would upgrade, downgrade or remove a package the machine already has.
/// </summary>
public sealed record AptInstallStep(string Description, IReadOnlyList<AptPackage> Packages) : SetupStep(Description)
{
    public static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };

    public IReadOnlyList<string> Arguments => ["install", "-y", "--no-install-recommends", .. Packages.Select(p => p.ToString())];

    public IReadOnlyList<string> SimulateArguments => ["-s", .. Arguments];

    public override string ShellText =>
        string.Join(' ', Environment.Select(e => $"{e.Key}={e.Value}").Append("apt-get").Concat(Arguments.Select(ShellQuoting.Quote)));

    /// <summary>Why this install is refused, when the simulation replaces something; null when it only adds packages.</summary>
    public string? Refusal(AptSimulation simulation)
    {
        if (simulation.OnlyAdds) return null;
        var text = new StringBuilder($"Restore did not {Description}: apt would change packages this machine already has, and Restore never replaces a system package.\n");
        foreach (var replaced in simulation.Replaced) text.Append($"  - replace {replaced}\n");
        foreach (var removed in simulation.Removed) text.Append($"  - remove {removed}\n");
        text.Append("Nothing was installed. Install ")
            .Append(string.Join(' ', Packages.Select(p => p.Name)))
            .Append(" another way (or accept these changes and run the install yourself: ")
            .Append(ShellText)
            .Append("), then run Restore again.");
        return text.ToString();
    }
}
