namespace Slipway.Build.Cli;

/// <summary>
/// <c>./build.sh [targets…] [--skip [targets…]] [--profile p…] [--plan [--format html|text|json]] [--help] [--verbosity v] [--parameter value…]</c>.
/// An option takes the words after it up to the next option; <c>--name=value</c> works too.
/// </summary>
public sealed record CommandLine(
    IReadOnlyList<string> Targets,
    bool Help,
    bool Plan,
    PlanFormat PlanFormat,
    bool SkipAllNotInvoked,
    IReadOnlyList<string> SkipTargets,
    IReadOnlyList<string> Profiles,
    Verbosity Verbosity,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Parameters)
{
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var targets = new List<string>();
        var options = new List<(string Name, List<string> Values)>();
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var eq = arg.IndexOf('=');
                options.Add(eq > 0 ? (arg[2..eq], [arg[(eq + 1)..]]) : (arg[2..], []));
            }
            else if (arg is "-h" or "-?")
                options.Add(("help", []));
            else if (options.Count > 0)
                options[^1].Values.Add(arg);
            else
                targets.Add(arg);
        }

        var byName = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in options)
        {
            present.Add(name);
            if (!byName.TryGetValue(name, out var all)) byName[name] = all = [];
            all.AddRange(values);
        }

        List<string> Take(string name)
        {
            var values = byName.GetValueOrDefault(name) ?? [];
            byName.Remove(name);
            return values;
        }

        bool Flag(string name)
        {
            var values = Take(name);
            if (values.Count > 0) throw new CommandLineException($"--{name} takes no value, but got: {string.Join(" ", values)}.");
            return present.Contains(name);
        }

        var help = Flag("help");
        var plan = Flag("plan");
        if (present.Contains("format") && !plan) throw new CommandLineException("--format goes with --plan.");
        var format = Single(Take("format"), "format") is { } f ? ParseEnum<PlanFormat>("format", f) : PlanFormat.Html;
        var skipAll = present.Contains("skip") && byName.GetValueOrDefault("skip") is { Count: 0 };
        var skip = Take("skip");
        var profiles = Take("profile");
        var verbosity = Single(Take("verbosity"), "verbosity") is { } v ? ParseEnum<Verbosity>("verbosity", v) : Verbosity.Normal;

        return new CommandLine(targets, help, plan, format, skipAll, skip, profiles, verbosity,
            byName.ToDictionary(p => p.Key, IReadOnlyList<string> (p) => p.Value));
    }

    private static string? Single(List<string> values, string name) =>
        values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => throw new CommandLineException($"--{name} takes one value, but got: {string.Join(" ", values)}."),
        };

    private static T ParseEnum<T>(string name, string value) where T : struct, Enum =>
        // By name only: Enum.TryParse would also take numbers ("--verbosity 2") and lists ("quiet,verbose").
        Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase)) is { } known
            ? Enum.Parse<T>(known)
            : throw new CommandLineException($"--{name}: '{value}' is not valid; expected one of {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}.");
}

public enum PlanFormat
{
    Html,
    Text,
    Json,
}

/// <summary>The command line can't be understood; the message says which word and what was expected.</summary>
public sealed class CommandLineException(string message) : Exception(message);
