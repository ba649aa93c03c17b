using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;
using Slipway.IntegrationTests.Chain;
using Slipway.IntegrationTests.Support;
using Slipway.Tests.Shared;

namespace Slipway.IntegrationTests.Adoption;

/// <summary>
/// Slipway in a team's repository, as the README tells it: pack, install the tool from the packages, slipway init in a new
/// repository holding only a compose stack, then that repository's ./build.sh, CheckWorkflows and GitHub's own validators,
/// and a rehearsal of its ci workflow.
/// </summary>
public sealed class AdoptionTests(AdoptedLedger repository) : IClassFixture<AdoptedLedger>
{
    private string App => repository.App;
    private string Feed => repository.Feed;

    [Fact]
    public async Task A_repository_with_only_a_compose_stack_is_set_up_by_slipway_init_and_its_build_ships_the_stack()
    {
        Assert.True(repository.Pack.ExitCode == 0, repository.Pack.ToString());
        var version = repository.Version;
        Assert.Equal(["Slipway.Build", "Slipway.Containers", "Slipway.GlobalTool"],
            Directory.GetFiles(Feed, $"*.{version}.snupkg").Select(f => Path.GetFileName(f)[..^$".{version}.snupkg".Length]).Order());
        foreach (var package in Directory.GetFiles(Feed, "*.nupkg"))
            AssertDescribed(package, version);
        Assert.Equal(version, (await repository.RunCheckedAsync(Path.Combine(repository.Tools, "slipway"), ["--version"], repository.Temp)).Trim());

        var init = repository.Init;
        Assert.True(init.ExitCode == 0, $"{init.Output}\n{init.Error}");
        foreach (var file in new[] { "build/_build.csproj", "build/Build.cs", "build.sh", "build.ps1", "build.cmd", ".nuke/parameters.json", "smoke.yaml", "nuget.config", "global.json", ".gitignore" })
            Assert.Matches($@"\n  wrote +{System.Text.RegularExpressions.Regex.Escape(file)}\b", init.Output);
        Assert.Contains("generated     .github/workflows/ci.yml", init.Output);
        Assert.Contains($"""<PackageReference Include="Slipway.Containers" Version="{version}" />""", File.ReadAllText(Path.Combine(App, "build", "_build.csproj")));
        Assert.Contains("name: reports accepts connections on 8081", File.ReadAllText(Path.Combine(App, "smoke.yaml")));

        var build = await repository.RunBuildAsync();
        Assert.True(build.ExitCode == 0, build.ToString());
        foreach (var target in new[] { "Restore", "BuildImages", "ScanImages", "ComposeUp", "ComposeDown" })
            Assert.Matches($@"\n{target}\s+Succeeded", build.Output);
        Assert.Matches(@"\nSmokeTest\s+Succeeded\s+\S+\s+1/1 checks passed", build.Output);
        Assert.Equal("", await BuildScript.ResourcesOfProjectAsync(build.ProjectName!));

        // The tool hands its arguments to the repository's ./build.sh from any folder inside it.
        var handOver = await CommandLine.RunAsync(Path.Combine(repository.Tools, "slipway"), ["--plan", "--format", "text"], Path.Combine(App, "build"), repository.Environment, TimeSpan.FromMinutes(5));
        Assert.True(handOver.ExitCode == 0, $"{handOver.Output}\n{handOver.Error}");
        Assert.Contains("SmokeTest (invoked)", handOver.Output);

        var check = await repository.RunBuildAsync("CheckWorkflows");
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Equal("", (await repository.GitAsync("status", "--porcelain")).Trim());

        var workflows = Directory.GetFiles(Path.Combine(App, ".github", "workflows"), "*.yml").Order().ToList();
        Assert.Equal(["ci.yml", "release.yml"], workflows.Select(Path.GetFileName));
        Assert.All(await Conformance.WorkflowsAsync(workflows), r => Assert.True(r.IsValid, r.ToString()));
    }

    /// <summary>
    /// The committed ci workflow, rehearsed: the check job, then this machine's leg of the images job (Restore through
    /// SmokeTest) in a fresh clone, its products handed to the artifact folder, and the images it built removed afterwards.
    /// </summary>
    [Fact]
    public async Task Its_ci_workflow_rehearses_end_to_end()
    {
        Assert.True(repository.Init.ExitCode == 0, $"{repository.Pack}\n{repository.Init.Output}\n{repository.Init.Error}");
        var native = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "arm64" : "amd64";
        var other = native == "amd64" ? "arm64" : "amd64";

        var rehearsal = await repository.RunBuildAsync("RehearseWorkflow", "--workflow", "ci");

        Assert.True(rehearsal.ExitCode == 0, rehearsal.ToString());
        var output = Path.Combine(App, "artifacts", "rehearsal", "ci");
        var summary = File.ReadAllText(Path.Combine(output, "summary.txt"));
        Assert.Matches(@"\ncheck-workflows\s+Succeeded", summary);
        Assert.Matches($@"\nimages \(linux/{native}, [^)]+\)\s+Succeeded", summary);
        Assert.Matches(@"Restore, BuildImages, ScanImages, ComposeUp, SmokeTest, ComposeDown\s+Succeeded", summary);
        Assert.Matches(@"Set up \.NET from global\.json\s+Skipped\s+–\s+GitHub only", summary);
        Assert.Matches($@"\nimages \(linux/{other}, [^)]+\)\s+Not rehearsed", summary);
        Assert.Matches(@"\nRehearsal succeeded\.", summary);

        // What the leg's targets produced is in the artifact folder, as upload-artifact stores it.
        var store = Path.Combine(output, "store");
        var images = Path.Combine(store, $"build-images-linux-{native}", "images.json");
        Assert.True(File.Exists(images), $"no images.json in {string.Join(", ", Directory.GetDirectories(store).Select(Path.GetFileName))}");
        Assert.Contains("<testsuite", File.ReadAllText(Directory.GetFiles(Path.Combine(store, $"smoke-test-linux-{native}"), "*.xml", SearchOption.AllDirectories).Single()));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(store, $"scan-images-linux-{native}"), "*.cdx.json", SearchOption.AllDirectories));
        Assert.True(File.Exists(Path.Combine(output, "logs", "02-images-linux-" + native + "-ubuntu-24.04" + (native == "arm64" ? "-arm" : "") + "-linux-" + native + ".log")));

        // The images the rehearsed job built went with its runner.
        using var report = JsonDocument.Parse(File.ReadAllText(images));
        foreach (var reference in report.RootElement.GetProperty("images").EnumerateArray().Select(i => i.GetProperty("reference").GetString()!))
        {
            var inspect = await CommandLine.RunAsync("docker", ["image", "inspect", reference], repository.Temp, new Dictionary<string, string>(), TimeSpan.FromMinutes(1));
            Assert.True(inspect.ExitCode != 0, $"{reference} is still there");
        }
        Assert.Equal("", (await repository.GitAsync("status", "--porcelain")).Trim());
    }

    /// <summary>Each package carries its version, license expression, readme and repository.</summary>
    private static void AssertDescribed(string package, string version)
    {
        using var zip = ZipFile.OpenRead(package);
        var nuspec = XDocument.Load(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Field(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");

        Assert.Equal(version, Field("version"));
        Assert.Equal("MIT", Field("license"));
        Assert.Equal("README.md", Field("readme"));
        Assert.NotNull(zip.GetEntry("README.md"));
        Assert.StartsWith("https://", repository.Attribute("url")?.Value);
        Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")?.Value ?? "");
    }
}
