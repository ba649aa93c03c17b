using Slipway.Tests.Shared;

namespace Slipway.Build.Tests.Workflows;

/// <summary>Generated and committed workflows pass GitHub's own parser and actionlint.</summary>
public sealed class ValidationTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("slipway-workflows-");

    public static readonly string CommittedWorkflows = Path.Combine(BuildRunner.FindRoot(AppContext.BaseDirectory), ".github", "workflows");

    [Fact]
    public async Task Workflows_generated_from_test_builds_are_valid()
    {
        var files = Generate.Files(new WorkflowBuild()).Concat(Generate.Files(new PlainBuild()))
            .Select(f => Write(Path.GetFileName(f.Path), f.Content))
            .ToList();
        Assert.Equal(3, files.Count);
        Assert.All(await Conformance.WorkflowsAsync(files), r => Assert.True(r.IsValid, r.ToString()));
    }

    [Fact]
    public async Task The_committed_workflows_are_valid()
    {
        var files = new[] { "ci.yml", "release.yml" }.Select(name => Path.Combine(CommittedWorkflows, name)).ToList();
        Assert.All(files, f => Assert.True(File.Exists(f), $"{f} is not committed: run ./build.sh, which generates it."));
        Assert.All(await Conformance.WorkflowsAsync(files), r => Assert.True(r.IsValid, r.ToString()));
    }

    [Fact]
    public async Task The_validator_finds_errors_in_a_broken_workflow()
    {
        var file = Write("broken.yml", "on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    runs-onx: nope\n    needs: [missing]\n    steps:\n      - run: echo\n");
        var result = Assert.Single(await Conformance.WorkflowsAsync([file]));
        Assert.Contains(result.Parser, e => e.Contains("runs-onx"));
        Assert.Contains(result.Actionlint, e => e.Contains("\"missing\""));
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_temp.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => _temp.Delete(recursive: true);
}
