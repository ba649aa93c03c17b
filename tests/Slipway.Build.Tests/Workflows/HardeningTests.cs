using Slipway.Build.Workflows;

namespace Slipway.Build.Tests.Workflows;

/// <summary>
/// What the generated workflows promise the people who pull the images: every action pinned to a commit, only GitHub's
/// own actions beside write permissions and secrets, and an OIDC token only in the job that signs.
/// </summary>
public sealed class HardeningTests
{
    private static readonly string Committed = ValidationTests.CommittedWorkflows;

    [Fact]
    public void Every_action_of_the_committed_and_generated_workflows_is_pinned_to_a_commit_with_its_version_beside_it()
    {
        var files = new[] { "ci.yml", "release.yml" }.Select(f => File.ReadAllText(Path.Combine(Committed, f)))
            .Concat(Generate.Files(new WorkflowBuild()).Select(f => f.Content)).ToList();
        Assert.All(files, yaml => Assert.Empty(UnpinnedActions.Find(yaml)));
        foreach (var yaml in files)
        foreach (var line in yaml.Split('\n').Where(l => l.TrimStart().StartsWith("uses:", StringComparison.Ordinal)))
            Assert.Matches(@"^\s+uses: [a-z-]+/[a-z/-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line);
    }

    [Fact]
    public void The_pin_table_holds_only_GitHubs_own_actions_at_full_commit_shas()
    {
        Assert.NotEmpty(ActionPins.Default.Actions);
        Assert.All(ActionPins.Default.Actions, action =>
        {
            Assert.True(ActionPins.IsGitHubOwned(action), $"{action} is a third party's action");
            Assert.Matches("^[a-z-]+/[a-z-]+(/[a-z-]+)?@[0-9a-f]{40}$", ActionPins.Default.Uses(action));
        });
        Assert.False(ActionPins.IsGitHubOwned("crazy-max/ghaction-github-runtime"));
        Assert.False(ActionPins.IsGitHubOwned("docker/setup-buildx-action"));
    }

    [Fact]
    public void No_third_party_action_runs_in_a_job_that_holds_a_write_permission_or_a_secret()
    {
        foreach (var workflow in new[] { Generate.Workflow(new WorkflowBuild(), "ci"), Generate.Workflow(new WorkflowBuild(), "release") })
        foreach (var job in workflow.Jobs.Where(j => j.Secrets.Count > 0 || j.Permissions.Any(p => p.Access == "write")))
            Assert.All(job.Steps.Where(s => s.Uses is not null), s => Assert.True(ActionPins.IsGitHubOwned(s.Uses!), $"{workflow.Name}/{job.Id} runs {s.Uses}"));

        var release = File.ReadAllText(Path.Combine(Committed, "release.yml"));
        Assert.DoesNotContain("crazy-max/", release);
        Assert.DoesNotContain("docker/setup-buildx-action", release);
    }

    [Fact]
    public void Unpinned_uses_are_found_with_their_lines_and_local_actions_and_digest_pinned_images_pass()
    {
        const string yaml = """
            on: push
            jobs:
              a:
                runs-on: ubuntu-24.04
                steps:
                  - uses: actions/checkout@v4
                  - uses: actions/cache@0057852bfaa89a56745cba8c7296529d2fc39830 # v4.3.0
                  - uses: ./.github/actions/mine
                  - uses: docker://alpine:3.20
                  - uses: docker://alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000
                  - uses: someone/action@0057852
              reuse:
                uses: octo/workflows/.github/workflows/build.yml@main
            """;
        Assert.Equal(
            [new ActionUse(6, "actions/checkout@v4"), new ActionUse(9, "docker://alpine:3.20"), new ActionUse(11, "someone/action@0057852"),
             new ActionUse(13, "octo/workflows/.github/workflows/build.yml@main")],
            UnpinnedActions.Find(yaml));
    }

    [Fact]
    public void The_committed_release_workflow_gives_an_OIDC_token_only_to_the_job_that_signs()
    {
        var release = Generate.Workflow(new SigningBuild(), "signed");
        Assert.Equal(["ship"], release.Jobs.Where(j => j.Permissions.Contains(new Permission("id-token", "write"))).Select(j => j.Id));
        Assert.DoesNotContain(release.Permissions, p => p.Scope == "id-token");

        // The same build without keyless signing asks for no token at all.
        var unsigned = Generate.Workflow(new SigningBuild(), "unsigned");
        Assert.DoesNotContain(unsigned.Jobs.SelectMany(j => j.Permissions), p => p.Scope == "id-token");

        var committed = File.ReadAllText(Path.Combine(Committed, "release.yml"));
        Assert.Equal(1, committed.Split('\n').Count(l => l.Trim() == "id-token: write"));
        var publish = committed[committed.IndexOf("\n  publish:\n", StringComparison.Ordinal)..committed.IndexOf("\n  verify:\n", StringComparison.Ordinal)];
        Assert.Contains("id-token: write", publish);
        Assert.DoesNotContain("id-token", File.ReadAllText(Path.Combine(Committed, "ci.yml")));
    }

    [Fact]
    public void A_permission_conditioned_on_an_unknown_parameter_is_a_definition_error()
    {
        var e = Assert.Throws<BuildDefinitionException>(() => Generate.Workflow(new BadConditionBuild(), "bad"));
        Assert.Contains("[WorkflowPermission(\"id-token\", When = \"Nope=Keyless\")]: 'Nope' is not a [Parameter] of this build", e.Message);
    }
}
