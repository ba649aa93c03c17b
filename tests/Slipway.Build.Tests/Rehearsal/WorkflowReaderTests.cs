using Slipway.Build.Workflows.Rehearsal;
using Slipway.Tests.Shared;

namespace Slipway.Build.Tests.Rehearsal;

/// <summary>Reading committed workflows: this repository's own, GitHub's matrix expansion, and errors that name the file and field.</summary>
public sealed class WorkflowReaderTests
{
    private static WorkflowDefinition Committed(string name) =>
        WorkflowReader.Read($".github/workflows/{name}.yml", File.ReadAllText(Path.Combine(RepositoryRoot.Find(), ".github", "workflows", $"{name}.yml")));

    [Fact]
    public void The_committed_release_workflow_reads_as_GitHub_reads_it()
    {
        var release = Committed("release");
        Assert.Equal("release", release.Name);
        Assert.Equal(["v*"], release.On.PushTags);
        Assert.Contains(KeyValuePair.Create("REGISTRY", "ghcr.io/${{ github.repository_owner }}"), release.Env);
        var images = release.Jobs.Single(j => j.Id == "images");
        Assert.Equal(["check-workflows"], images.Needs);
        Assert.Equal(["linux/amd64", "linux/arm64"], images.Matrix.Select(m => m["platform"]));
        Assert.Equal("linux-arm64", images.Matrix[1]["slug"]);
        Assert.Equal(90, images.TimeoutMinutes);
        Assert.Contains(KeyValuePair.Create("REGISTRY_PASSWORD", "${{ secrets.GITHUB_TOKEN }}"), images.Env);
        var publish = release.Jobs.Single(j => j.Id == "publish");
        var download = publish.Steps.First(s => s.Action == "actions/download-artifact");
        Assert.Equal("artifacts/platforms/linux-amd64", download.With["path"]);
        Assert.Equal("actions/checkout", publish.Steps[0].Action);
        Assert.Equal("0", publish.Steps[0].With["fetch-depth"]);
    }

    [Fact]
    public void The_committed_ci_workflow_has_a_manual_trigger_with_its_input()
    {
        var ci = Committed("ci");
        Assert.Equal(["main"], ci.On.PushBranches);
        Assert.True(ci.On.PullRequest);
        Assert.True(ci.On.DispatchInputs!.ContainsKey("configuration"));
        Assert.Contains(KeyValuePair.Create("CONFIGURATION", "${{ inputs.configuration }}"), ci.Env);
    }

    [Fact]
    public void An_action_is_known_by_its_name_whatever_its_ref()
    {
        var workflow = WorkflowReader.Read("w.yml", Workflow("""
                - uses: actions/checkout@11d5960a326750d5838078e36cf38b85af677262 # v4.4.0
                - uses: actions/upload-artifact@v4
                  with: { name: x, path: a }
                - uses: github/codeql-action/upload-sarif@dd903d2e4f5405488e5ef1422510ee31c8b32357
                - uses: someone/something@main
                - run: echo hi
            """));
        Assert.Equal([StepKind.Checkout, StepKind.Upload, StepKind.GitHubOnly, StepKind.Unknown, StepKind.Run],
            workflow.Jobs[0].Steps.Select(s => RehearsalPlanner.Classify(s).Kind));
        Assert.Equal("Run echo hi", workflow.Jobs[0].Steps[4].DisplayName);
    }

    [Fact]
    public void A_matrix_is_every_combination_of_its_axes_less_the_excluded_with_includes_merged_or_added()
    {
        var workflow = WorkflowReader.Read("w.yml", """
            on: push
            jobs:
              test:
                runs-on: x
                strategy:
                  matrix:
                    os: [linux, windows]
                    version: ['8', '10']
                    exclude:
                      - os: windows
                        version: '8'
                    include:
                      - os: linux
                        extra: yes
                      - version: '10'
                        label: new
                      - os: mac
                        version: '10'
                steps:
                  - run: echo
            """);
        Assert.Equal(
            ["os=linux version=8 extra=yes", "os=linux version=10 extra=yes label=new", "os=windows version=10 label=new", "os=mac version=10"],
            workflow.Jobs[0].Matrix.Select(m => string.Join(' ', m.Select(kv => $"{kv.Key}={kv.Value}"))));
    }

    [Theory]
    [InlineData("on: push\njobs: {}\n", "w.yml: 'jobs' is empty.")]
    [InlineData("jobs:\n  a:\n    steps: [{run: x}]\n", "w.yml: 'on' is missing: expected the events that trigger the workflow.")]
    [InlineData("on: push\njobs:\n  a:\n    needs: b\n    steps: [{run: x}]\n", "w.yml: jobs.a.needs names 'b', which is not a job of this workflow (a).")]
    [InlineData("on: push\njobs:\n  a:\n    steps: [{run: x, uses: y}]\n", "w.yml: jobs.a.steps[0] needs exactly one of 'uses' and 'run'.")]
    [InlineData("on: push\njobs:\n  a:\n    timeout-minutes: soon\n    steps: [{run: x}]\n", "w.yml: jobs.a.timeout-minutes 'soon' is not a positive number.")]
    [InlineData("on: push\njobs:\n  a:\n    steps: [{run: x, with: [1]}]\n", "w.yml: 'jobs.a.steps[0].with' is not a mapping.")]
    [InlineData("on: push\njobs:\n  a:\n    uses: ./.github/workflows/b.yml\n", "w.yml: jobs.a calls a reusable workflow ('uses'), which the rehearsal does not run.")]
    [InlineData("on: [push\n", "w.yml: not valid YAML at line")]
    public void A_workflow_it_cannot_rehearse_is_refused_naming_the_file_and_the_field(string yaml, string message) =>
        Assert.Contains(message, Assert.Throws<WorkflowFileException>(() => WorkflowReader.Read("w.yml", yaml)).Message);

    private static string Workflow(string steps) => $"on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n{steps}";
}
