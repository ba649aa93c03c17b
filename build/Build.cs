using Slipway.Build;
using Slipway.Build.Execution;
using Slipway.Build.Processes;
using Slipway.Containers.Machine;
using Slipway.Containers.Publishing;
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
    Parameters = ["Registry=ghcr.io/${{ github.repository_owner }}", "RegistryUsername=${{ github.actor }}", "Signing=Keyless"],
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

    Target Test => _ => _
        .Description("Runs every test project; TRX and JUnit results go to artifacts/tests")
        .DependsOn(Compile)
        .DependsOn<IRestore>(x => x.Restore) // the integration tests need the engine, buildx, compose and base images
        .DependsOn(RestoreTestTools)
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

    // Tools are installed on the machine that runs the tests, so it runs in the job of Test, not in one of its own.
    [WorkflowSetup]
    Target RestoreTestTools => _ => _
        .Description("Installs what only the tests need, by Restore's rules: a registry with htpasswd logins, skopeo to look at it, debootstrap, cosign")
        .Executes(ct => this.From<IRestore>().RestoreToolsAsync(
            [
                new RequiredTool("docker-registry", "docker-registry"),
                new RequiredTool("skopeo", "skopeo"),
                new RequiredTool("htpasswd", "apache2-utils"),
                new RequiredTool("debootstrap", "debootstrap"),
                new RequiredTool("cosign", "cosign", FromNewerRelease: true),
            ],
            "by the tests", ct));

    Target Pack => _ => _
        .Description("Packs the Slipway libraries as NuGet packages into artifacts/packages")
        .DependsOn(Compile)
        .Produces("artifacts/packages/*.nupkg")
        .Executes(async ct =>
        {
            foreach (var project in new[] { "src/Slipway.Build/Slipway.Build.csproj", "src/Slipway.Containers/Slipway.Containers.csproj" })
                await Processes.RunAsync("dotnet", ["pack", RootDirectory / project, "-c", Configuration.ToString(), "--no-build", "--nologo", "-o", Packages], cancellationToken: ct);
            ReportSummary($"{Directory.GetFiles(Packages, "*.nupkg").Length} packages");
        });
}

enum Configuration
{
    Debug,
    Release,
}
