using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace Slipway.Build.Tests.Workflows;

/// <summary>Every run: line invokes ./build.sh with targets and parameters that exist; no secret value is written.</summary>
public sealed class RunLineTests
{
    private static readonly string[] EngineOptions = ["skip", "profile", "verbosity", "plan", "format", "help"];

    [Fact]
    public void The_committed_workflows_run_targets_and_parameters_of_the_real_build()
    {
        // build.schema.json is what the real build class writes on every run: its targets and parameters.
        var root = BuildRunner.FindRoot(AppContext.BaseDirectory);
        using var schema = JsonDocument.Parse(File.ReadAllText(root / ".nuke" / "build.schema.json"));
        var properties = schema.RootElement.GetProperty("properties");
        var targets = properties.GetProperty("Target").GetProperty("items").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToHashSet();
        var parameters = properties.EnumerateObject().Select(p => ParameterDescriptor.ToKebabCase(p.Name)).ToHashSet();

        var lines = new[] { "ci.yml", "release.yml" }
            .SelectMany(name => RunLines(File.ReadAllText(Path.Combine(ValidationTests.CommittedWorkflows, name))))
            .ToList();
        Assert.NotEmpty(lines);
        Assert.Contains(lines, l => l.StartsWith("./build.sh CheckWorkflows", StringComparison.Ordinal));
        Assert.All(lines, line => AssertInvokes(line, targets, parameters));
    }

    [Fact]
    public void Generated_run_lines_name_the_test_builds_targets_and_parameters()
    {
        var build = new WorkflowBuild();
        var targets = TargetDiscovery.Discover(build).Select(t => t.Name).ToHashSet();
        var parameters = ParameterDescriptor.Discover(typeof(WorkflowBuild)).Select(p => p.CliName).ToHashSet();
        var lines = Generate.Files(build).SelectMany(f => RunLines(f.Content)).ToList();
        Assert.Equal(7, lines.Count);
        Assert.All(lines, line => AssertInvokes(line, targets, parameters));
    }

    [Fact]
    public async Task No_secret_value_is_written_only_the_expression()
    {
        using var root = new Infrastructure.TestRoot();
        const string secret = "s3cr3t-token-value";
        root.Environment["TOKEN"] = secret;
        var outcome = await root.RunAsync(new WorkflowBuild(), x => x.Compile);
        Assert.Equal(0, outcome.ExitCode);
        var release = File.ReadAllText(root.Path / ".github" / "workflows" / "release.yml");
        Assert.Contains("TOKEN: ${{ secrets.TOKEN }}", release);
        Assert.All(Directory.GetFiles(root.Path / ".github" / "workflows"), f => Assert.DoesNotContain(secret, File.ReadAllText(f)));
    }

    private static void AssertInvokes(string line, IReadOnlySet<string> targets, IReadOnlySet<string> parameters)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("./build.sh", words[0]);
        var invoked = words.Skip(1).TakeWhile(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(invoked);
        Assert.All(invoked, t => Assert.True(targets.Contains(t), $"'{line}': target {t} does not exist; targets: {string.Join(", ", targets)}"));
        foreach (var option in words.Where(w => w.StartsWith("--", StringComparison.Ordinal)).Select(w => w[2..]))
            Assert.True(parameters.Contains(option) || EngineOptions.Contains(option), $"'{line}': --{option} is neither a parameter nor an option of ./build.sh");
    }

    private static IEnumerable<string> RunLines(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var jobs = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["jobs"];
        return jobs.Children.Values.Cast<YamlMappingNode>()
            .SelectMany(job => ((YamlSequenceNode)job["steps"]).Cast<YamlMappingNode>())
            .Where(step => step.Children.ContainsKey("run"))
            .Select(step => ((YamlScalarNode)step["run"]).Value!);
    }
}
