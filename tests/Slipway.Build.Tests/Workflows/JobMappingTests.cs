using Slipway.Build.Workflows;

namespace Slipway.Build.Tests.Workflows;

/// <summary>The target graph to jobs: grouping, needs, artifact hand-off, matrix, permissions, inputs and secrets.</summary>
public sealed class JobMappingTests
{
    private readonly Workflow _ci = Generate.Workflow(new WorkflowBuild(), "ci");
    private readonly Workflow _release = Generate.Workflow(new WorkflowBuild(), "release");

    [Fact]
    public void Jobs_come_from_the_graph_with_the_check_first()
    {
        Assert.Equal(["check-workflows", "unit-test", "docs", "engine"], _ci.Jobs.Select(j => j.Id));
        Assert.Equal(["CheckWorkflows"], _ci.Job("check-workflows").Targets);
        // Compile has no declaration and hands nothing over, so UnitTest must run beside it.
        Assert.Equal(["Compile", "UnitTest"], _ci.Job("unit-test").Targets.Except(["Prepare"]));
        // Triggered Down stays with Up: it tears down what Up started in the same engine.
        Assert.Equal(["Prepare", "MakeImages", "Scan", "Up", "Check", "Down"], _ci.Job("engine").Targets);
        Assert.Equal(["Docs"], _ci.Job("docs").Targets);
    }

    [Fact]
    public void Needs_follow_dependencies_across_jobs_and_every_root_waits_for_the_check()
    {
        Assert.Empty(_ci.Job("check-workflows").Needs);
        Assert.Equal(["check-workflows"], _ci.Job("unit-test").Needs);
        Assert.Equal(["check-workflows"], _ci.Job("engine").Needs);
        Assert.Equal(["unit-test"], _ci.Job("docs").Needs);
        Assert.Equal(["engine"], _release.Job("ship").Needs);
    }

    [Fact]
    public void A_setup_target_runs_in_every_job_that_depends_on_it_and_no_job_waits_for_it()
    {
        Assert.Equal(["Compile", "Prepare", "UnitTest"], _ci.Job("unit-test").Targets);
        Assert.Equal("Prepare", _ci.Job("engine").Targets[0]);
        Assert.Equal(["./build.sh Compile Prepare UnitTest --skip"], _ci.Job("unit-test").RunLines);
        Assert.Equal(["check-workflows"], _ci.Job("unit-test").Needs);
        // Ship reaches Prepare only through the engine job's targets: that job prepared its own machine.
        Assert.DoesNotContain("Prepare", _release.Job("ship").Targets);
    }

    [Fact]
    public void A_consumed_product_is_uploaded_by_its_job_and_downloaded_where_it_is_consumed()
    {
        var upload = _ci.Job("unit-test").Steps.Single(s => s.Uses == ActionPins.Default.Uses(ActionPins.UploadArtifact));
        Assert.Equal("unit-test", With(upload, "name"));
        Assert.Equal("artifacts/tests/**", With(upload, "path"));
        Assert.Equal("error", With(upload, "if-no-files-found"));

        var download = _ci.Job("docs").Steps.Single(s => s.Uses == ActionPins.Default.Uses(ActionPins.DownloadArtifact));
        Assert.Equal("unit-test", With(download, "name"));
        Assert.Equal("artifacts/tests", With(download, "path"));

        // Several patterns: upload-artifact stores them relative to their deepest shared folder.
        var docs = _ci.Job("docs").Steps.Single(s => s.Uses == ActionPins.Default.Uses(ActionPins.UploadArtifact));
        Assert.Equal("artifacts/docs/site/**\nartifacts/docs/index.html", With(docs, "path"));
        Assert.Equal("warn", With(docs, "if-no-files-found"));

        var steps = _ci.Job("docs").Steps.Select(s => s.Uses ?? s.Run).ToList();
        Assert.True(steps.IndexOf(ActionPins.Default.Uses(ActionPins.DownloadArtifact)) < steps.IndexOf("./build.sh Docs --skip"), "the download comes before the run");
    }

    [Fact]
    public void Per_platform_jobs_form_a_matrix_on_native_runners()
    {
        var engine = _ci.Job("engine");
        Assert.Equal(
            [new MatrixLeg("linux/amd64", "ubuntu-24.04", "linux-amd64"), new MatrixLeg("linux/arm64", "ubuntu-24.04-arm", "linux-arm64")],
            engine.Matrix);
        Assert.Equal(["${{ matrix.runner }}"], engine.RunsOn);
        Assert.Equal(["./build.sh Prepare MakeImages Scan Up Check Down --skip --platform ${{ matrix.platform }}"], engine.RunLines);
        Assert.Contains(engine.Steps, s => s.Uses == ActionPins.Default.Uses(ActionPins.UploadArtifact) && With(s, "name") == "make-images-${{ matrix.slug }}");
        // The step the component declared for its job, after the common set-up and before the targets.
        var setup = Assert.Single(engine.Steps, s => s.Uses == ActionPins.Default.Uses(ActionPins.GitHubScript));
        Assert.Equal("Expose the runtime", setup.Name);
        Assert.Equal("core.exportVariable('TOKEN', process.env.TOKEN)", With(setup, "script"));
        Assert.True(engine.Steps.ToList().IndexOf(setup) < engine.Steps.ToList().FindIndex(s => s.Run is not null));
        Assert.False(_ci.Job("unit-test").IsMatrix);
        Assert.DoesNotContain(_ci.Job("unit-test").Steps, s => s.Uses == ActionPins.Default.Uses(ActionPins.GitHubScript));
    }

    [Fact]
    public void The_merge_job_gathers_every_platforms_products_and_gets_all_platforms()
    {
        var ship = _release.Job("ship");
        Assert.False(ship.IsMatrix);
        Assert.Equal(["self-hosted", "linux", "x64"], ship.RunsOn);
        var downloads = ship.Steps.Where(s => s.Uses == ActionPins.Default.Uses(ActionPins.DownloadArtifact)).Select(s => (With(s, "name"), With(s, "path"))).ToList();
        Assert.Equal([("make-images-linux-amd64", "artifacts/platforms/linux-amd64"), ("make-images-linux-arm64", "artifacts/platforms/linux-arm64")], downloads);
        Assert.Equal(["./build.sh Ship --skip --platform linux/amd64,linux/arm64"], ship.RunLines);
        // MakeImages is handed to another job, so its upload must find the file.
        Assert.Equal("error", With(_release.Job("engine").Steps.Single(s => s.Name == "Upload what MakeImages produced"), "if-no-files-found"));
    }

    [Fact]
    public void Permissions_are_least_privilege()
    {
        Assert.Equal([new Permission("contents", "read")], _ci.Permissions);
        Assert.Empty(_ci.Job("unit-test").Permissions);
        Assert.Empty(_ci.Job("docs").Permissions);
        // Only the job that uploads SARIF may write security events.
        Assert.Equal([new Permission("contents", "read"), new Permission("security-events", "write")], _ci.Job("engine").Permissions);
        Assert.Contains(_ci.Job("engine").Steps, s => s.Uses == ActionPins.Default.Uses(ActionPins.UploadSarif) && With(s, "sarif_file") == "artifacts/scan" && With(s, "category") == "${{ matrix.slug }}");
        // Only the publishing job may write packages, and only it runs in the environment.
        Assert.Equal([new Permission("contents", "read"), new Permission("packages", "write")], _release.Job("ship").Permissions);
        Assert.Equal("release", _release.Job("ship").Environment);
        Assert.All(_release.Jobs.Where(j => j.Id != "ship"), j => Assert.Null(j.Environment));
        Assert.All(_release.Jobs.Where(j => j.Id != "ship"), j => Assert.DoesNotContain(j.Permissions, p => p.Scope == "packages"));
    }

    [Fact]
    public void Dispatch_inputs_are_typed_from_parameters_and_reach_the_build_through_the_environment()
    {
        Assert.Equal(
            [("fast", "boolean", ""), ("mode", "choice", "Quick,Thorough"), ("label", "string", "")],
            _ci.On.WorkflowDispatch!.Select(i => (i.Id, i.Type, string.Join(",", i.Options))));
        Assert.Equal("Skip slow checks", _ci.On.WorkflowDispatch![0].Description);
        Assert.Equal(
            [new EnvironmentVariable("FAST", "${{ inputs.fast }}"), new EnvironmentVariable("MODE", "${{ inputs.mode }}"), new EnvironmentVariable("LABEL", "${{ inputs.label }}")],
            _ci.Environment);
        Assert.All(_ci.Jobs.SelectMany(j => j.RunLines), line => Assert.DoesNotContain("inputs.", line));
    }

    [Fact]
    public void Secrets_are_imported_as_expressions()
    {
        Assert.Empty(_release.Environment);
        Assert.Equal([new EnvironmentVariable("TOKEN", "${{ secrets.TOKEN }}")], _release.Job("ship").Secrets);
        // Only the job that runs the component reading the secret gets it.
        Assert.All(_release.Jobs.Where(j => j.Id != "ship"), j => Assert.Empty(j.Secrets));
        Assert.DoesNotContain(_ci.Environment, e => e.Value.Contains("secrets."));
    }

    [Fact]
    public void Triggers_timeout_and_concurrency_come_from_the_attribute()
    {
        Assert.Equal(["main"], _ci.On.Push!.Branches);
        Assert.Equal(["docs/**"], _ci.On.Push!.PathsIgnore);
        Assert.Equal(["main"], _ci.On.PullRequest!.Branches);
        Assert.Equal("0 3 * * 1", _ci.On.Schedule);
        Assert.Equal(["v*"], _release.On.Push!.Tags);
        Assert.Null(_release.On.PullRequest);
        Assert.Null(_release.On.WorkflowDispatch);
        Assert.Equal(new Concurrency("${{ github.workflow }}-${{ github.ref }}", true), _ci.Concurrency);
        Assert.Null(_release.Concurrency);
        Assert.All(_ci.Jobs, j => Assert.Equal(60, j.TimeoutMinutes));
        Assert.All(_release.Jobs, j => Assert.Equal(30, j.TimeoutMinutes));
    }

    [Fact]
    public void Every_job_checks_out_the_full_history_and_sets_up_dotnet_from_global_json()
    {
        Assert.All(_ci.Jobs.Concat(_release.Jobs), job =>
        {
            Assert.Equal(0, job.Steps.Single(s => s.Uses == ActionPins.Default.Uses(ActionPins.Checkout)).With.Single(w => w.Key == "fetch-depth").Value);
            Assert.Equal("global.json", With(job.Steps.Single(s => s.Uses == ActionPins.Default.Uses(ActionPins.SetupDotnet)), "global-json-file"));
            Assert.Equal("~/.nuget/packages", With(job.Steps.Single(s => s.Uses == ActionPins.Default.Uses(ActionPins.Cache)), "path"));
        });
    }

    [Fact]
    public void Without_the_check_component_or_platforms_there_is_no_gate_and_no_matrix()
    {
        var plain = Generate.Workflow(new PlainBuild(), "plain");
        var job = Assert.Single(plain.Jobs);
        Assert.Equal("engine", job.Id);
        Assert.Empty(job.Needs);
        Assert.False(job.IsMatrix);
        Assert.Equal(["./build.sh Prepare MakeImages Scan Up Check Down --skip"], job.RunLines);
    }

    [Fact]
    public void Jobs_that_wait_for_each_other_are_an_error_naming_them()
    {
        var e = Assert.Throws<BuildDefinitionException>(() => Generate.Workflow(new CyclicJobsBuild(), "cycle"));
        Assert.Contains("cycle", e.Message);
        Assert.Contains("a → b → a", e.Message.Replace("b → a → b", "a → b → a"));
    }

    [Fact]
    public void Importing_a_parameter_that_is_not_secret_is_an_error()
    {
        var e = Assert.Throws<BuildDefinitionException>(() => Generate.Workflow(new NonSecretImportBuild(), "bad"));
        Assert.Contains("ImportSecrets: 'Label' is not a [Secret] parameter", e.Message);
    }

    [Fact]
    public void A_product_outside_artifacts_is_an_error_naming_target_and_pattern()
    {
        var e = Assert.Throws<BuildDefinitionException>(() => Generate.Workflow(new ProductOutsideArtifactsBuild(), "bad"));
        Assert.Contains("Target 'Package' produces 'out/package.zip', which is not under artifacts/", e.Message);
    }

    [Fact]
    public void Actions_are_pinned_through_one_table()
    {
        const string sha = "0123456789abcdef0123456789abcdef01234567";
        var build = new WorkflowBuild();
        var targets = TargetDiscovery.Discover(build);
        var pins = ActionPins.Default.With(ActionPins.Checkout, sha, "v9.9.9");
        var workflow = new WorkflowGenerator(targets, ParameterDescriptor.Discover(typeof(WorkflowBuild)), pins, null)
            .Generate(new GitHubActionsAttribute("x") { OnPushBranches = ["main"], InvokedTargets = ["UnitTest"] });
        Assert.Equal($"actions/checkout@{sha}", workflow.Jobs[0].Steps[0].Uses);
        Assert.Equal("v9.9.9", workflow.Jobs[0].Steps[0].UsesVersion);
        Assert.Contains($"uses: actions/checkout@{sha} # v9.9.9\n", WorkflowYaml.Write(workflow));
        Assert.Throws<ArgumentException>(() => ActionPins.Default.With("someone/else", sha, "v1"));
        // A tag or a short SHA can be moved to other code: the table takes full commit SHAs only.
        Assert.Contains("not a full commit SHA", Assert.Throws<ArgumentException>(() => ActionPins.Default.With(ActionPins.Checkout, "v4", "v4")).Message);
        Assert.Throws<ArgumentException>(() => ActionPins.Default.With(ActionPins.Checkout, sha[..12], "v4"));
    }

    private static string? With(Step step, string key) => step.With.SingleOrDefault(w => w.Key == key).Value?.ToString();
}
