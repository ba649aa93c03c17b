using System.Text;

namespace Slipway.Build.Output;

/// <summary>A parameter as --help shows it: its current value and where that value came from.</summary>
public sealed record ParameterView(ParameterDescriptor Descriptor, object? Value, string Origin);

/// <summary>The text of <c>--help</c>.</summary>
public static class HelpWriter
{
    public static string Write(IReadOnlyList<TargetInfo> targets, TargetInfo defaultTarget, IReadOnlyList<ParameterView> parameters)
    {
        var text = new StringBuilder();
        text.AppendLine("Usage: ./build.sh [targets…] [--skip [targets…]] [--profile name…] [--plan [--format html|text|json]] [--verbosity quiet|minimal|normal|verbose] [--help] [--parameter value…]");
        text.AppendLine();
        text.AppendLine("Targets (run in dependency order; where the order is free, the target declared first runs first):");
        var listed = targets.Where(t => !t.IsUnlisted).ToList();
        var width = listed.Select(t => t.Name.Length + (t == defaultTarget ? 10 : 0)).DefaultIfEmpty(0).Max();
        foreach (var target in listed)
        {
            var name = target == defaultTarget ? $"{target.Name} (default)" : target.Name;
            text.Append("  ").Append(name.PadRight(width)).Append("  ").AppendLine(target.Description ?? "");
            if (target.DependsOn.Count > 0)
                text.Append("  ").Append(new string(' ', width)).Append("    depends on: ").AppendLine(string.Join(", ", target.DependsOn.Select(d => d.Name)));
        }

        text.AppendLine();
        text.AppendLine("Parameters (command line, then environment, then --profile files, then .nuke/parameters.json, then the default):");
        var cliWidth = parameters.Select(p => p.Descriptor.CliName.Length).DefaultIfEmpty(0).Max() + 2;
        foreach (var parameter in parameters)
        {
            var d = parameter.Descriptor;
            text.Append("  ").Append(("--" + d.CliName).PadRight(cliWidth)).Append("  <").Append(ParameterValueConverter.Describe(d.Type)).Append('>');
            if (d.IsRequired) text.Append(" required");
            if (d.IsSecret) text.Append(" secret");
            text.AppendLine();
            if (d.Description is { } description) text.Append("    ").AppendLine(description);
            text.Append("    = ").Append(Display(parameter.Value, d.IsSecret)).Append("  (").Append(parameter.Origin).AppendLine(")");
        }

        text.AppendLine();
        text.AppendLine("Environment variables match parameters with case and '_' ignored (REGISTRY_PASSWORD sets --registry-password).");
        return text.ToString();
    }

    public static string Display(object? value, bool secret) => value switch
    {
        null => "(not set)",
        _ when secret => Logging.SecretMasker.Mask,
        string s => s,
        Array array => "[" + string.Join(", ", array.Cast<object?>()) + "]",
        bool b => b ? "true" : "false",
        _ => value.ToString() ?? "",
    };
}
