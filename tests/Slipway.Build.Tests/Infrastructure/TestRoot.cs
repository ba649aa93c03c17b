using Slipway.Build.Execution;

namespace Slipway.Build.Tests.Infrastructure;

/// <summary>A repository root of its own for one test: a temporary folder with .nuke/, deleted on dispose.</summary>
public sealed class TestRoot : IDisposable
{
    public TestRoot()
    {
        Path = AbsolutePath.Create(Directory.CreateTempSubdirectory("slipway-build-tests-").FullName);
        Directory.CreateDirectory(Nuke);
    }

    public AbsolutePath Path { get; }
    public AbsolutePath Nuke => Path / ".nuke";
    public AbsolutePath LogDirectory => Nuke / "temp" / "logs";

    /// <summary>The environment the runner sees, instead of this process's.</summary>
    public Dictionary<string, string> Environment { get; } = new();

    /// <summary>Writes <c>.nuke/<paramref name="fileName"/></c>.</summary>
    public void WriteNukeFile(string fileName, string content) => File.WriteAllText(Nuke / fileName, content);

    public BuildRunner CreateRunner(TextWriter output) => new(Path, Environment, output);

    public async Task<BuildOutcome> RunAsync<T>(T build, Func<T, Target> defaultTarget, params string[] args) where T : SlipwayBuild
    {
        var output = new StringWriter();
        var runner = CreateRunner(output);
        var exitCode = await runner.RunAsync(build, defaultTarget, args);
        return new BuildOutcome(exitCode, output.ToString(), runner.Results);
    }

    /// <summary>The text of every JSON log file the runs wrote.</summary>
    public string ReadLogFiles() =>
        string.Concat(Directory.GetFiles(LogDirectory, "*.json").Select(File.ReadAllText));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>What one in-process run gave: the exit code, everything written to the console, and each target's result.</summary>
public sealed record BuildOutcome(int ExitCode, string Output, IReadOnlyList<TargetResult> Results)
{
    public TargetResult Result(string target) =>
        Results.SingleOrDefault(r => r.Target.Name == target)
        ?? throw new Xunit.Sdk.XunitException($"No result for target {target}; the plan had: {string.Join(", ", Results.Select(r => r.Target.Name))}.\n{Output}");

    public TargetStatus Status(string target) => Result(target).Status;

    public override string ToString() => $"exit code {ExitCode}\n{Output}";
}
