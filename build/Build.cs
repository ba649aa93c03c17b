using Slipway.Build;
using Slipway.Build.Execution;
using Slipway.Build.Processes;
using Slipway.Containers.Building;
using Slipway.Containers.Machine;
using Slipway.Containers.Machine.Languages;
using Slipway.Containers.Publishing;
using Slipway.Containers.Publishing.Signing;
using Slipway.Containers.Publishing.Versioning;
using Slipway.Containers.Smoke;

/// <summary>
/// Slipway's own build. The container chain (Restore → BuildImages → ScanImages → ComposeUp → SmokeTest → Publish)
/// comes from the components and ships the stack that .nuke/parameters.json names; Compile, Test and Pack build Slipway itself.
/// </summary>
[GitHubActions("ci",
    OnPushBranches = ["main"],
    OnPullRequestBranches = ["main"],
    WorkflowDispatchInputs = [nameof(Configuration)],
    InvokedTargets = [nameof(Test), nameof(ISmokeTest.SmokeTest)],
    Platforms = ["linux/amd64", "linux/arm64"],
    ConcurrencyGroup = "${{ github.workflow }}-${{ github.ref }}",
    ConcurrencyCancelInProgress = true)]
[GitHubActions("release",
    OnPushTags = ["v*"],
    InvokedTargets = [nameof(IPushByDigest.PushByDigest), nameof(IPublish.Publish), nameof(IVerifyImages.VerifyImages)],
    Platforms = ["linux/amd64", "linux/arm64"],
    // The workflow's own token pushes to the owner's GitHub packages (Slipway lower-cases the owner) and cuts the release;
    // the images are signed keyless under this workflow's identity, which VerifyImages then checks in a job that can write nothing.
    // A release is never cut from images whose packages could not be checked for vulnerabilities.
    Parameters = ["Registry=ghcr.io/${{ github.repository_owner }}", "RegistryUsername=${{ github.actor }}", "ScanFailUnchecked=true", "Signing=Keyless"],
    ImportSecrets = ["RegistryPassword=GITHUB_TOKEN", "GitHubToken=GITHUB_TOKEN"],
    ConcurrencyGroup = "${{ github.workflow }}-${{ github.ref }}",
    Environment = "release",
    TimeoutMinutes = 90)]
class Build : SlipwayBuild, IPublish, ICheckWorkflows
{
    public static int Main() => Execute<Build>(x => x.From<IPublish>().SmokeTest);

    [Parameter("Configuration to build")]
    readonly Configuration Configuration = Configuration.Debug;

    [Parameter("Only run the tests that match this dotnet test --filter expression")]
    readonly string? TestFilter;

    AbsolutePath Solution => RootDirectory / "Solution.sln";
    AbsolutePath TestResults => ArtifactsDirectory / "tests";
    AbsolutePath Packages => ArtifactsDirectory / "packages";

    Target Compile => _ => _
        .Description("Builds the solution")
        .Executes(async ct =>
        {
            await Processes.RunAsync("dotnet", ["build", Solution, "-c", Configuration.ToString(), "--nologo", "-v", "q", "-clp:NoSummary"], cancellationToken: ct);
        });

    /// <summary>What the tests use beyond the stack: a real registry with htpasswd auth, skopeo and cosign to look at it from outside, debootstrap for a clean bookworm root.</summary>
    static readonly RequiredTool[] TestTools =
    [
        new("docker-registry", "docker-registry"),
        new("htpasswd", "apache2-utils"),
        new("skopeo", "skopeo"),
        new("debootstrap", "debootstrap"),
        SigningSession.Tool,
    ];

    // Every job that tests runs on a fresh runner: it installs the test tools itself, beside Compile, whose output Test runs.
    [WorkflowSetup]
    Target RestoreTestTools => _ => _
        .Description("Installs what the tests use beyond the stack: registry, htpasswd, skopeo, debootstrap and cosign by Restore's rules, and the conformance tools pinned in tests/Conformance")
        .DependsOn<IRestore>(x => x.Restore)
        .Executes(async ct =>
        {
            await this.From<IRestore>().RestoreToolsAsync(TestTools, "by the tests", ct);
            await new LanguageRestorer(Log, Processes, TemporaryDirectory / "restore").RestoreAsync(new StackProjects([], [RootDirectory / "tests" / "Conformance"]), ct);
        });

    Target Test => _ => _
        .Description("Runs every test project; TRX and JUnit results go to artifacts/tests")
        .DependsOn(Compile)
        .DependsOn(RestoreTestTools) // after Restore: the integration tests need the engine, buildx, compose and base images
        .Produces("artifacts/tests/**")
        .Executes(async ct =>
        {
            if (Directory.Exists(TestResults)) Directory.Delete(TestResults, recursive: true);
            Directory.CreateDirectory(TestResults);
            List<string> arguments =
            [
                "test", Solution, "-c", Configuration.ToString(), "--no-build", "--nologo",
                "--results-directory", TestResults,
                "--logger", "trx",
                "--logger", $"junit;LogFilePath={TestResults}/{{assembly}}.junit.xml;MethodFormat=Class;FailureBodyFormat=Verbose",
                "--logger", "console;verbosity=normal",
            ];
            if (TestFilter is { Length: > 0 }) arguments.AddRange(["--filter", TestFilter]);
            var run = await Processes.RunAsync("dotnet", arguments, new ProcessOptions { ThrowOnError = false }, ct);
            var totals = JUnitTotals.Read(TestResults);
            // A plain closing line that CI services read as the test count.
            Console.WriteLine($"Tests: {totals.Passed} passed, {totals.Failed} failed, {totals.Skipped} skipped");
            ReportSummary($"{totals.Passed} passed, {totals.Failed} failed, {totals.Skipped} skipped; results in {TestResults.RelativeTo(RootDirectory)}");
            if (!run.Succeeded) throw new TargetFailedException($"dotnet test exited with code {run.ExitCode}: {totals.Failed} failed.");
        });

    /// <summary>The packages a team's repository uses: the libraries its build project references and the slipway tool.</summary>
    static readonly string[] PackedProjects =
    [
        "src/Slipway.Build/Slipway.Build.csproj",
        "src/Slipway.Containers/Slipway.Containers.csproj",
        "src/Slipway.GlobalTool/Slipway.GlobalTool.csproj",
    ];

    Target Pack => _ => _
        .Description("Packs Slipway.Build, Slipway.Containers and the slipway tool (Release) into artifacts/packages, with symbols; one version from git, as images get theirs")
        .Produces("artifacts/packages/*")
        .Executes(async ct =>
        {
            var gitRef = await new GitRefReader(Processes, RootDirectory, Context.Environment).ReadAsync(ct);
            var revision = await SourceRevision.ReadAsync(Processes, RootDirectory, ct);
            var version = PackageVersion.For(gitRef, revision, this.From<IPublish>().Version);
            if (revision.IsDirty) Log.Warning("Packing {Version} from a working tree with uncommitted changes", version);
            // One version in the folder, so that a feed made of it offers exactly what was just packed.
            if (Directory.Exists(Packages)) Directory.Delete(Packages, recursive: true);
            List<string> properties = [$"-p:Version={version}", "-p:ContinuousIntegrationBuild=true"];
            if (Context.Environment.GetValueOrDefault("GITHUB_REPOSITORY") is { Length: > 0 } repository)
                properties.Add($"-p:RepositoryUrl={Context.Environment.GetValueOrDefault("GITHUB_SERVER_URL") ?? "https://github.com"}/{repository}");
            foreach (var project in PackedProjects)
                await Processes.RunAsync("dotnet", ["pack", RootDirectory / project, "-c", "Release", "--nologo", "-v", "q", "-o", Packages, .. properties], cancellationToken: ct);
            ReportSummary($"{Directory.GetFiles(Packages, "*.nupkg").Length} packages (+ symbols), version {version}");
        });
}

enum Configuration
{
    Debug,
    Release,
}
