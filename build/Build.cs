using Slipway.Build;
using Slipway.Containers.Publishing;

/// <summary>
/// Slipway's own build. The container chain (Restore → BuildImages → ScanImages → ComposeUp → SmokeTest → Publish)
/// comes from the components and ships the stack that .nuke/parameters.json names; Compile, Test and Pack build Slipway itself.
/// </summary>
class Build : SlipwayBuild, IPublish
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
        .Produces("artifacts/tests/**")
        .Executes(async ct =>
        {
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
            await Processes.RunAsync("dotnet", arguments, cancellationToken: ct);
            ReportSummary($"results in {TestResults.RelativeTo(RootDirectory)}");
        });

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
