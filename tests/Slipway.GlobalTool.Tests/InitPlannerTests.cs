using Slipway.Build;
using Slipway.GlobalTool.Init;
using Slipway.GlobalTool.Scaffold;

namespace Slipway.GlobalTool.Tests;

/// <summary>What init decides from what it found: the files and their fate, and every refusal, before anything is written.</summary>
public sealed class InitPlannerTests
{
    private static readonly AbsolutePath Root = AbsolutePath.Create("/repo");
    private static readonly BuildReferences Packages = new BuildReferences.Packages("1.2.3");

    private static InitFacts Facts(params (string Path, string Content)[] existing) => new()
    {
        WorkingDirectory = Root,
        Root = Root,
        ComposeFiles = [Root / "deploy" / "compose.yaml"],
        Stack = Stacks.Load(Stacks.Mixed),
        ExistingFiles = existing.ToDictionary(e => e.Path, e => e.Content),
    };

    private static InitPlan Plan(InitFacts facts, InitChoices? choices = null) => InitPlanner.Plan(facts, choices ?? new InitChoices(), Packages);

    private static InitRefusedException Refusal(InitFacts facts, InitChoices? choices = null) =>
        Assert.Throws<InitRefusedException>(() => Plan(facts, choices));

    private static PlannedFile File(InitPlan plan, string path) => Assert.Single(plan.Files, f => f.Path == path);

    [Fact]
    public void A_fresh_repository_gets_every_file_and_the_build_generates_the_workflows_and_schema()
    {
        var plan = Plan(Facts());

        Assert.Equal(
            ["build/_build.csproj", "build/Build.cs", "build.sh", "build.ps1", "build.cmd", ".nuke/parameters.json", "deploy/smoke.yaml", "global.json", ".gitignore"],
            plan.Files.Where(f => f.Action == FileAction.Create).Select(f => f.Path));
        Assert.Equal([".github/workflows/ci.yml", ".github/workflows/release.yml", ".nuke/build.schema.json"],
            plan.Files.Where(f => f.Action == FileAction.Generated).Select(f => f.Path));
        Assert.True(File(plan, "build.sh").Executable);
        Assert.False(File(plan, "build.cmd").Executable);
        Assert.Contains("\"ComposeFile\": [\"deploy/compose.yaml\"]", File(plan, ".nuke/parameters.json").Content);
        Assert.Contains("Version=\"1.2.3\"", File(plan, "build/_build.csproj").Content);
        Assert.Equal(ScaffoldFiles.GitIgnore(ScaffoldFiles.IgnoredFolders), File(plan, ".gitignore").Content);
        Assert.DoesNotContain(plan.Files, f => f.Path == "nuget.config");
    }

    [Fact]
    public void Not_a_git_repository_is_refused()
    {
        var refusal = Refusal(Facts() with { Root = null });
        Assert.Equal("/repo is not in a git repository: slipway init sets up a repository's build. Run it in the repository (or git init first).", refusal.Message);
    }

    [Fact]
    public void No_compose_file_is_refused_naming_where_it_looked_and_what_for()
    {
        var refusal = Refusal(Facts() with { ComposeFiles = [], WorkingDirectory = Root / "src" });
        Assert.Equal("No compose file in /repo/src or above it up to /repo: looked for compose.yaml, compose.yml, docker-compose.yml, docker-compose.yaml. " +
                     "Give the stack with --compose-file FILE (repeat it for override files).", refusal.Message);
    }

    [Fact]
    public void A_given_compose_file_that_does_not_exist_is_refused()
    {
        var refusal = Refusal(Facts() with { MissingComposeFiles = [Root / "deploy" / "compose.yaml"] });
        Assert.Equal("--compose-file: /repo/deploy/compose.yaml does not exist.", refusal.Message);
    }

    [Fact]
    public void A_compose_file_outside_the_repository_is_refused()
    {
        var refusal = Refusal(Facts() with { ComposeFiles = [AbsolutePath.Create("/elsewhere/compose.yaml")] });
        Assert.StartsWith("--compose-file: /elsewhere/compose.yaml is outside the repository /repo", refusal.Message);
    }

    [Fact]
    public void A_stack_compose_rejects_is_refused_with_composes_own_words()
    {
        var refusal = Refusal(Facts() with { Stack = null, ComposeError = "compose rejected the stack (/repo/deploy/compose.yaml): service \"app\" depends on undefined service \"missing\"" });
        Assert.Contains("depends on undefined service \"missing\"", refusal.Message);
        Assert.Contains("/repo/deploy/compose.yaml", refusal.Message);
    }

    [Fact]
    public void A_file_present_with_other_content_is_refused_naming_every_such_file()
    {
        var refusal = Refusal(Facts(("build.sh", "#!/bin/sh\nmake\n"), ("deploy/smoke.yaml", "checks: []\n")));

        Assert.Equal(["build.sh", "deploy/smoke.yaml"], refusal.Conflicts);
        Assert.Equal("build.sh, deploy/smoke.yaml already exist(s) with other content. Nothing was written; give --force to overwrite, or move them away first.", refusal.Message);
    }

    [Fact]
    public void With_force_such_files_are_overwritten()
    {
        var plan = Plan(Facts(("build.sh", "#!/bin/sh\nmake\n")), new InitChoices { Force = true });
        Assert.Equal(FileAction.Overwrite, File(plan, "build.sh").Action);
        Assert.Equal(ScaffoldFiles.BootstrapScript("build.sh"), File(plan, "build.sh").Content);
    }

    [Fact]
    public void A_file_already_as_init_writes_it_is_left_alone()
    {
        var plan = Plan(Facts(("build.cmd", ScaffoldFiles.BootstrapScript("build.cmd"))));
        Assert.Equal(FileAction.Keep, File(plan, "build.cmd").Action);
        Assert.Null(File(plan, "build.cmd").Content);
    }

    [Fact]
    public void A_workflow_of_the_same_name_that_Slipway_did_not_generate_is_refused_and_one_it_generated_is_the_builds_to_rewrite()
    {
        Assert.Equal([".github/workflows/ci.yml"], Refusal(Facts((".github/workflows/ci.yml", "name: ci\non: push\n"))).Conflicts);

        var plan = Plan(Facts((".github/workflows/ci.yml", InitPlanner.GeneratedWorkflowMarker + "\"ci\")] on the build class; do not edit.\n")));
        Assert.Equal(FileAction.Generated, File(plan, ".github/workflows/ci.yml").Action);
    }

    [Fact]
    public void The_repositorys_own_sdk_pin_is_kept()
    {
        var plan = Plan(Facts(("global.json", "{\"sdk\":{\"version\":\"10.0.100\"}}")));
        Assert.Equal(FileAction.Keep, File(plan, "global.json").Action);
    }

    [Fact]
    public void Gitignore_gets_only_the_lines_git_does_not_already_ignore()
    {
        var facts = Facts((".gitignore", "node_modules/")) with { IgnoredFolders = new HashSet<string> { "artifacts/", ".nuke/temp/" } };

        var gitignore = File(Plan(facts), ".gitignore");
        Assert.Equal(FileAction.Append, gitignore.Action);
        Assert.Equal("\n\n" + ScaffoldFiles.GitIgnore(["build/bin/", "build/obj/"]), gitignore.Content);

        var all = facts with { IgnoredFolders = ScaffoldFiles.IgnoredFolders.ToHashSet() };
        Assert.Equal(FileAction.Keep, File(Plan(all), ".gitignore").Action);
    }

    [Fact]
    public void A_local_feed_goes_into_nuget_config_relative_when_inside_the_repository()
    {
        var feed = new[] { "Slipway.Build.1.2.3.nupkg", "Slipway.Containers.1.2.3.nupkg", "Slipway.GlobalTool.1.2.3.nupkg" };

        var inside = Plan(Facts() with { FeedFiles = feed }, new InitChoices { Source = Root / "packages" });
        Assert.Contains("value=\"packages\"", File(inside, "nuget.config").Content);

        var outside = Plan(Facts() with { FeedFiles = feed }, new InitChoices { Source = AbsolutePath.Create("/work/slipway/artifacts/packages") });
        Assert.Contains("value=\"/work/slipway/artifacts/packages\"", File(outside, "nuget.config").Content);
    }

    [Fact]
    public void A_present_nuget_config_is_compared_under_its_own_name()
    {
        var facts = Facts(("NuGet.Config", "<configuration />")) with { FeedFiles = ["Slipway.Build.1.2.3.nupkg", "Slipway.Containers.1.2.3.nupkg"] };
        Assert.Equal(["NuGet.Config"], Refusal(facts, new InitChoices { Source = AbsolutePath.Create("/feed") }).Conflicts);
    }

    [Fact]
    public void A_feed_that_does_not_exist_or_lacks_the_tools_version_is_refused()
    {
        var missing = Refusal(Facts() with { FeedFiles = null }, new InitChoices { Source = AbsolutePath.Create("/feed") });
        Assert.StartsWith("--source /feed: no such folder", missing.Message);

        var other = Refusal(Facts() with { FeedFiles = ["Slipway.Build.1.0.0.nupkg", "Slipway.Containers.1.2.3.nupkg"] }, new InitChoices { Source = AbsolutePath.Create("/feed") });
        Assert.StartsWith("--source /feed has no Slipway.Build.1.2.3.nupkg: this tool is Slipway 1.2.3", other.Message);
    }

    [Theory]
    [InlineData("--branch 'my branch'", "my branch", null, null, null)]
    [InlineData("--platform 'linux/amd64,arm64'", null, "linux/amd64,arm64", null, null)]
    [InlineData("--registry 'ghcr.io/acme corp'", null, null, "ghcr.io/acme corp", null)]
    [InlineData("--compose-profile 'a b'", null, null, null, "a b")]
    public void Bad_choices_are_refused_naming_the_flag(string expected, string? branch, string? platforms, string? registry, string? profile)
    {
        var choices = new InitChoices
        {
            Branch = branch ?? "main",
            Platforms = platforms?.Split(',') ?? CiSettings.DefaultPlatforms,
            Registry = registry ?? CiSettings.GitHubRegistry,
            ComposeProfiles = profile is null ? [] : [profile],
        };
        Assert.StartsWith(expected, Refusal(Facts(), choices).Message);
    }

    [Fact]
    public void A_stack_with_nothing_to_check_is_planned_with_a_warning()
    {
        var plan = Plan(Facts() with { Stack = Stacks.Load(Stacks.Silent) });
        Assert.Equal("No smoke check could be derived (no service publishes a TCP port or has a healthcheck): add one to deploy/smoke.yaml, or SmokeTest fails.", Assert.Single(plan.Warnings));
    }

    [Fact]
    public async Task The_workflow_marker_is_how_generated_workflows_start()
    {
        using var root = new TemporaryDirectory();
        Directory.CreateDirectory(root.Path / ".nuke");
        var output = new StringWriter();

        var exitCode = await new BuildRunner(root.Path, new Dictionary<string, string>(), output).RunAsync<MarkerBuild>(b => b.Hello, ["--plan", "--format", "text"]);

        Assert.True(exitCode == 0, output.ToString());
        Assert.StartsWith(InitPlanner.GeneratedWorkflowMarker, System.IO.File.ReadAllText(root.Path / ".github" / "workflows" / "ci.yml"));
    }

    [GitHubActions("ci", OnPushBranches = ["main"], InvokedTargets = [nameof(Hello)])]
    private sealed class MarkerBuild : SlipwayBuild
    {
        public Target Hello => _ => _.Executes(() => { });
    }
}
