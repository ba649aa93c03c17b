using System.Text;
using Slipway.Containers.Machine.Checks;

namespace Slipway.Containers.Machine.Setup;

/// <summary>
/// What is missing on the machine and the steps that fix it. <paramref name="ConsentNeeded"/> says why the steps change
/// the user's running engine, when they do and the user has not allowed it.
/// </summary>
public sealed record SetupPlan(IReadOnlyList<string> Problems, IReadOnlyList<SetupStep> Steps, IReadOnlyList<string> Packages, string? ConsentNeeded)
{
    public bool IsEmpty => Problems.Count == 0 && Steps.Count == 0;

    /// <summary>
    /// Why Restore must not run the steps itself on this machine, or null when it may: it installs only on Debian or Ubuntu,
    /// as root, without --no-install, only when every step is a command it knows, and changes a running engine only with consent.
    /// </summary>
    public string? WhyNotHere(MachineState state, bool noInstall) =>
        noInstall ? "--no-install is set"
        : !AptPackages.Supports(state.Os) ? $"Restore installs only on Debian (12 or later) and Ubuntu, and this is {state.Os?.PrettyName ?? "not Linux"}"
        : !state.IsRoot ? "Restore is not running as root"
        : Steps.OfType<ManualStep>().Any() ? "some steps have no command Restore knows"
        : ConsentNeeded is { } consent ? $"{consent}; Restore does that only when you allow it with {SetupPlanner.ConsentParameter} (CI=true implies it)"
        : null;

    /// <summary>The failure message: what is missing, why nothing was changed, and the exact commands to run.</summary>
    public string Instructions(string whyNotHere)
    {
        var text = new StringBuilder("This machine is not ready to build the stack:\n");
        foreach (var problem in Problems) text.Append("  - ").Append(problem).Append('\n');
        text.Append($"Restore changed nothing because {whyNotHere}. Run these commands as root, then run Restore again:\n\n");
        foreach (var step in Steps) text.Append(step.ShellText).Append('\n');
        return text.ToString().TrimEnd('\n');
    }
}
