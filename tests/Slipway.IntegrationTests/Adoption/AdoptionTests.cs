using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;
using Slipway.IntegrationTests.Chain;
using Slipway.IntegrationTests.Support;
using Slipway.Tests.Shared;

namespace Slipway.IntegrationTests.Adoption;

/// <summary>
/// Slipway in a team's repository, as the README tells it: pack, install the tool from the packages, slipway init in a new
/// repository holding only a compose stack, then that repository's ./build.sh, CheckWorkflows and GitHub's own validators.
/// </summary>
public sealed class AdoptionTests : IDisposable
{
    private static readonly string Ledger = Path.Combine(BuildScript.Root, "tests", "Stacks", "ledger");

    // Outside Slipway's repository; the tool path and NuGet's package folder live in it too, so that what is restored is
    // what was just packed (a version of the same name in the usual cache could be an older pack of the same commit).
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("slipway-adoption-");

    private string App => Path.Combine(_temp.FullName, "app");
    private string Tools => Path.Combine(_temp.FullName, "tools");
    private string Feed => Path.Combine(BuildScript.Root, "artifacts", "packages");

    private Dictionary<string, string> Environment => new() { ["NUGET_PACKAGES"] = Path.Combine(_temp.FullName, "nuget"), ["NO_COLOR"] = "1" };

    [Fact]
    public async Task A_repository_with_only_a_compose_stack_is_set_up_by_slipway_init_and_its_build_ships_the_stack()
    {
        var pack = await BuildScript.RunAsync("Pack");
        Assert.True(pack.ExitCode == 0, pack.ToString());
        var version = Path.GetFileName(Assert.Single(Directory.GetFiles(Feed, "Slipway.GlobalTool.*.nupkg")))["Slipway.GlobalTool.".Length..^".nupkg".Length];
        Assert.Equal(["Slipway.Build", "Slipway.Containers", "Slipway.GlobalTool"],
            Directory.GetFiles(Feed, $"*.{version}.snupkg").Select(f => Path.GetFileName(f)[..^$".{version}.snupkg".Length]).Order());
        foreach (var package in Directory.GetFiles(Feed, "*.nupkg"))
            AssertDescribed(package, version);

        await RunCheckedAsync("dotnet", ["tool", "install", "Slipway.GlobalTool", "--version", version, "--tool-path", Tools, "--add-source", Feed], _temp.FullName);
        Assert.Equal(version, (await RunCheckedAsync(Path.Combine(Tools, "slipway"), ["--version"], _temp.FullName)).Trim());

        // The ledger stack without its smoke file: init derives one.
        CopyStack(Ledger, App);
        await GitAsync("init", "-q", "-b", "main");
        await GitAsync("add", "-A");
        await GitAsync("commit", "-q", "-m", "The ledger stack");

        var init = await CommandLine.RunAsync(Path.Combine(Tools, "slipway"), ["init", "--source", Feed], App, Environment, TimeSpan.FromMinutes(10));
        Assert.True(init.ExitCode == 0, $"{init.Output}\n{init.Error}");
        foreach (var file in new[] { "build/_build.csproj", "build/Build.cs", "build.sh", "build.ps1", "build.cmd", ".nuke/parameters.json", "smoke.yaml", "nuget.config", "global.json", ".gitignore" })
            Assert.Matches($@"\n  wrote +{System.Text.RegularExpressions.Regex.Escape(file)}\b", init.Output);
        Assert.Contains("generated     .github/workflows/ci.yml", init.Output);
        Assert.Contains($"""<PackageReference Include="Slipway.Containers" Version="{version}" />""", File.ReadAllText(Path.Combine(App, "build", "_build.csproj")));
        Assert.Contains("name: reports accepts connections on 8081", File.ReadAllText(Path.Combine(App, "smoke.yaml")));
        await GitAsync("add", "-A");
        await GitAsync("commit", "-q", "-m", "Build with Slipway");

        var build = await RunBuildAsync();
        Assert.True(build.ExitCode == 0, build.ToString());
        foreach (var target in new[] { "Restore", "BuildImages", "ScanImages", "ComposeUp", "ComposeDown" })
            Assert.Matches($@"\n{target}\s+Succeeded", build.Output);
        Assert.Matches(@"\nSmokeTest\s+Succeeded\s+\S+\s+1/1 checks passed", build.Output);
        Assert.Equal("", await BuildScript.ResourcesOfProjectAsync(build.ProjectName!));

        // The tool hands its arguments to the repository's ./build.sh from any folder inside it.
        var handOver = await CommandLine.RunAsync(Path.Combine(Tools, "slipway"), ["--plan", "--format", "text"], Path.Combine(App, "build"), Environment, TimeSpan.FromMinutes(5));
        Assert.True(handOver.ExitCode == 0, $"{handOver.Output}\n{handOver.Error}");
        Assert.Contains("SmokeTest (invoked)", handOver.Output);

        var check = await RunBuildAsync("CheckWorkflows");
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Equal("", (await GitAsync("status", "--porcelain")).Trim());

        var workflows = Directory.GetFiles(Path.Combine(App, ".github", "workflows"), "*.yml").Order().ToList();
        Assert.Equal(["ci.yml", "release.yml"], workflows.Select(Path.GetFileName));
        Assert.All(await Conformance.WorkflowsAsync(workflows), r => Assert.True(r.IsValid, r.ToString()));
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

    private async Task<BuildRun> RunBuildAsync(params string[] arguments)
    {
        var result = await CommandLine.RunAsync(Path.Combine(App, "build.sh"), arguments, App, Environment, TimeSpan.FromMinutes(30));
        return new BuildRun(result.ExitCode, result.Output + result.Error);
    }

    private Task<string> GitAsync(params string[] arguments) =>
        RunCheckedAsync("git", ["-c", "user.name=Slipway tests", "-c", "user.email=tests@slipway.invalid", .. arguments], App);

    private Task<string> RunCheckedAsync(string program, string[] arguments, string directory) =>
        CommandLine.RunCheckedAsync(program, arguments, directory, Environment, TimeSpan.FromMinutes(10));

    private static void CopyStack(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "smoke.yaml"))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>The images the adopted build made (its images.json names them), then the folder with the tool, packages and repository.</summary>
    public void Dispose()
    {
        var report = Path.Combine(App, "artifacts", "images.json");
        if (File.Exists(report))
        {
            using var images = JsonDocument.Parse(File.ReadAllText(report));
            var references = images.RootElement.GetProperty("images").EnumerateArray().Select(i => i.GetProperty("reference").GetString()!).ToList();
            CommandLine.RunAsync("docker", ["image", "rm", .. references], _temp.FullName, new Dictionary<string, string>(), TimeSpan.FromMinutes(1)).GetAwaiter().GetResult();
        }

        _temp.Delete(recursive: true);
    }
}
