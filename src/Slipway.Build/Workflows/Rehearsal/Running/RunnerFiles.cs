namespace Slipway.Build.Workflows.Rehearsal;

/// <summary>
/// The files a runner gives each step (GITHUB_ENV, GITHUB_PATH, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY): what a step writes
/// to GITHUB_ENV and GITHUB_PATH reaches the later steps, as on GitHub; <c>NAME=value</c> lines and
/// <c>NAME&lt;&lt;DELIMITER</c> … <c>DELIMITER</c> blocks.
/// </summary>
public sealed class RunnerFiles(string folder)
{
    public string Env { get; } = Path.Combine(folder, "github_env");
    public string PathFile { get; } = Path.Combine(folder, "github_path");
    public string Output { get; } = Path.Combine(folder, "github_output");
    public string StepSummary { get; } = Path.Combine(folder, "step_summary");

    /// <summary>Empty files for the next step.</summary>
    public void Reset()
    {
        foreach (var file in new[] { Env, PathFile, Output, StepSummary }) System.IO.File.WriteAllText(file, "");
    }

    /// <summary>Reads what the step wrote into <paramref name="environment"/>; returns the step's summary, if it wrote one.</summary>
    public string? Collect(IDictionary<string, string> environment)
    {
        foreach (var (name, value) in ParseEnv(System.IO.File.ReadAllText(Env))) environment[name] = value;
        foreach (var folder in System.IO.File.ReadAllLines(PathFile).Select(l => l.Trim()).Where(l => l.Length > 0))
            environment["PATH"] = environment.TryGetValue("PATH", out var path) && path.Length > 0 ? $"{folder}:{path}" : folder;
        return System.IO.File.ReadAllText(StepSummary) is { Length: > 0 } summary ? summary : null;
    }

    public static IReadOnlyList<KeyValuePair<string, string>> ParseEnv(string text)
    {
        var result = new List<KeyValuePair<string, string>>();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0) continue;
            var equals = line.IndexOf('=');
            var heredoc = line.IndexOf("<<", StringComparison.Ordinal);
            if (heredoc > 0 && (equals < 0 || heredoc < equals))
            {
                var (name, delimiter) = (line[..heredoc], line[(heredoc + 2)..]);
                var value = new List<string>();
                for (i++; i < lines.Length && lines[i] != delimiter; i++) value.Add(lines[i]);
                if (i >= lines.Length) throw new StepFailedException($"GITHUB_ENV: '{name}' opens a value with <<{delimiter} that no line '{delimiter}' closes.");
                result.Add(KeyValuePair.Create(name, string.Join('\n', value)));
            }
            else if (equals > 0)
                result.Add(KeyValuePair.Create(line[..equals], line[(equals + 1)..]));
            else
                throw new StepFailedException($"GITHUB_ENV: '{line}' is neither NAME=value nor NAME<<DELIMITER.");
        }

        return result;
    }
}
