using Slipway.Build.Workflows.Rehearsal;
using Slipway.Tests.Shared;

namespace Slipway.Build.Tests.Rehearsal;

/// <summary>The plan: which event is played, jobs in needs order, which legs run here, and each run's resolved environment.</summary>
public sealed class RehearsalPlannerTests
{
    private static readonly WorkflowDefinition Release =
        WorkflowReader.Read(".github/workflows/release.yml", File.ReadAllText(Path.Combine(RepositoryRoot.Find(), ".github", "workflows", "release.yml")));

    private static RehearsalContext Context(params string[] emulated) => new()
    {
        EventName = "push",
        Ref = "refs/tags/v1.2.3",
        Sha = "0123456789abcdef0123456789abcdef01234567",
        Repository = "Acme/shop",
        Actor = "octocat",
        NativePlatform = "linux/amd64",
        EmulatedPlatforms = emulated.ToHashSet(),
        Secrets = new Dictionary<string, string> { ["GITHUB_TOKEN"] = "t0ken" },
    };

    [Fact]
    public void Jobs_come_in_needs_order_with_a_run_per_leg_and_other_platforms_left_out_unless_emulated()
    {
        var plan = RehearsalPlanner.Plan(Release, Context());
        Assert.Equal(["check-workflows", "images (linux/amd64, ubuntu-24.04, linux-amd64)", "images (linux/arm64, ubuntu-24.04-arm, linux-arm64)", "publish", "verify"],
            plan.Runs.Select(r => r.Title));
        Assert.Null(plan.Runs[1].NotRehearsed);
        Assert.Equal("linux/arm64 is not this machine's platform (linux/amd64); --rehearse-platform linux/arm64 rehearses it under QEMU", plan.Runs[2].NotRehearsed);
        Assert.Null(RehearsalPlanner.Plan(Release, Context("linux/arm64")).Runs[2].NotRehearsed);
        Assert.Contains("build-images-linux-arm64", plan.Runs[2].Uploads);
        Assert.Contains("push-by-digest-linux-amd64", plan.Runs[1].Uploads);
    }

    [Fact]
    public void Each_run_gets_the_workflows_and_the_jobs_environment_resolved_for_the_local_context()
    {
        var publish = RehearsalPlanner.Plan(Release, Context()).Runs.Single(r => r.Job.Id == "publish");
        var env = publish.Env.ToDictionary();
        Assert.Equal("ghcr.io/Acme", env["REGISTRY"]);
        Assert.Equal("octocat", env["REGISTRY_USERNAME"]);
        Assert.Equal("true", env["SCAN_FAIL_UNCHECKED"]);
        Assert.Equal("t0ken", env["REGISTRY_PASSWORD"]);
        Assert.Equal("t0ken", env["GITHUB_TOKEN"]);
        Assert.Equal([StepKind.Checkout, StepKind.GitHubOnly, StepKind.GitHubOnly], publish.Steps.Take(3).Select(s => s.Kind));
        Assert.Contains(publish.Steps, s => s.Kind == StepKind.Download);
        Assert.Equal(StepKind.Run, publish.Steps[^1].Kind);
    }

    [Fact]
    public void A_platform_to_emulate_must_be_a_legs()
    {
        var error = Assert.Throws<ParameterException>(() => RehearsalPlanner.Plan(Release, Context("linux/s390x")));
        Assert.Equal("Parameter 'RehearsePlatform': no matrix leg of .github/workflows/release.yml runs linux/s390x; its legs run linux/amd64, linux/arm64.", error.Message);
    }

    [Fact]
    public void A_push_of_a_matching_tag_else_of_the_branch_else_a_manual_run_is_rehearsed()
    {
        var ci = WorkflowReader.Read(".github/workflows/ci.yml", File.ReadAllText(Path.Combine(RepositoryRoot.Find(), ".github", "workflows", "ci.yml")));
        var tagged = new GitFacts("0123456789abcdef0123456789abcdef01234567", null, ["latest", "v1.2.3"]);
        Assert.Equal(("push", "refs/tags/v1.2.3"), RehearsalEvent.Choose(Release, tagged, inputsGiven: false));
        Assert.Equal(("push", "refs/heads/main"), RehearsalEvent.Choose(ci, tagged with { Branch = "main" }, inputsGiven: false));
        Assert.Equal(("workflow_dispatch", "refs/heads/main"), RehearsalEvent.Choose(ci, tagged with { Branch = "main" }, inputsGiven: true));
        var untagged = Assert.Throws<WorkflowFileException>(() => RehearsalEvent.Choose(Release, tagged with { TagsAtHead = ["latest"] }, inputsGiven: false));
        Assert.Equal(".github/workflows/release.yml runs on a push of tags v*, and HEAD (0123456) has no such tag (it has latest): tag it, e.g. git tag v1.2.3, and rehearse again.", untagged.Message);
        Assert.Contains("has no workflow_dispatch trigger", Assert.Throws<WorkflowFileException>(() => RehearsalEvent.Choose(Release, tagged, inputsGiven: true)).Message);
    }

    [Fact]
    public void A_manual_run_gets_the_inputs_defaults_and_a_push_none()
    {
        var workflow = WorkflowReader.Read("w.yml", """
            on:
              push:
              workflow_dispatch:
                inputs:
                  configuration: { type: choice, options: [Debug, Release], default: Release }
                  verbose: { type: boolean }
            env:
              CONFIGURATION: ${{ inputs.configuration }}
              VERBOSE: ${{ inputs.verbose }}
            jobs:
              a:
                runs-on: x
                steps: [{run: echo}]
            """);
        Assert.Equal(["Release", ""], RehearsalPlanner.Plan(workflow, Context() with { EventName = "workflow_dispatch" }).Runs[0].Env.Select(e => e.Value));
        Assert.Equal(["Release", "true"],
            RehearsalPlanner.Plan(workflow, Context() with { EventName = "workflow_dispatch", Inputs = new Dictionary<string, string> { ["verbose"] = "true" } }).Runs[0].Env.Select(e => e.Value));
        Assert.Equal(["", ""], RehearsalPlanner.Plan(workflow, Context()).Runs[0].Env.Select(e => e.Value));
    }
}
