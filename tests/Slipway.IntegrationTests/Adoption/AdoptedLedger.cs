using System.Text.Json;
using Slipway.IntegrationTests.Chain;
using Slipway.IntegrationTests.Support;

namespace Slipway.IntegrationTests.Adoption;

/// <summary>
/// A repository adopting Slipway as the README tells it, shared by the adoption tests: pack, install the tool from the
/// packages, a new repository holding only the ledger stack (without its smoke file: init derives one), slipway init, commit.
/// </summary>
public sealed class AdoptedLedger : IAsyncLifetime
{
    private static readonly string Ledger = Path.Combine(BuildScript.Root, "tests", "Stacks", "ledger");

    // Outside Slipway's repository; the tool path and NuGet's package folder live in it too, so that what is restored is
    // what was just packed (a version of the same name in the usual cache could be an older pack of the same commit).
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("slipway-adoption-");

    public string Temp => _temp.FullName;
    public string App => Path.Combine(Temp, "app");
    public string Tools => Path.Combine(Temp, "tools");
    public string Feed => Path.Combine(BuildScript.Root, "artifacts", "packages");
    public string Version { get; private set; } = "";
    public BuildRun Pack { get; private set; } = new(-1, "");
    public CommandResult Init { get; private set; } = new(-1, "", "");

    /// <summary>
    /// A developer's shell, also when the tests run in a GitHub Actions job (or a rehearsal of one): there a build reads
    /// GITHUB_ACTIONS and leaves the workflows alone, and init relies on a local run to write them.
    /// </summary>
    public Dictionary<string, string> Environment => new() { ["NUGET_PACKAGES"] = Path.Combine(Temp, "nuget"), ["NO_COLOR"] = "1", ["GITHUB_ACTIONS"] = "" };

    public async Task InitializeAsync()
    {
        Pack = await BuildScript.RunAsync("Pack");
        if (Pack.ExitCode != 0) return;
        Version = Path.GetFileName(Directory.GetFiles(Feed, "Slipway.GlobalTool.*.nupkg").Single())["Slipway.GlobalTool.".Length..^".nupkg".Length];
        await RunCheckedAsync("dotnet", ["tool", "install", "Slipway.GlobalTool", "--version", Version, "--tool-path", Tools, "--add-source", Feed], Temp);

        CopyStack(Ledger, App);
        await GitAsync("init", "-q", "-b", "main");
        await GitAsync("add", "-A");
        await GitAsync("commit", "-q", "-m", "The ledger stack");
        Init = await CommandLine.RunAsync(Path.Combine(Tools, "slipway"), ["init", "--source", Feed], App, Environment, TimeSpan.FromMinutes(10));
        if (Init.ExitCode != 0) return;
        await GitAsync("add", "-A");
        await GitAsync("commit", "-q", "-m", "Build with Slipway");
    }

    public async Task<BuildRun> RunBuildAsync(params string[] arguments)
    {
        var result = await CommandLine.RunAsync(Path.Combine(App, "build.sh"), arguments, App, Environment, TimeSpan.FromMinutes(30));
        return new BuildRun(result.ExitCode, result.Output + result.Error);
    }

    public Task<string> GitAsync(params string[] arguments) =>
        RunCheckedAsync("git", ["-c", "user.name=Slipway tests", "-c", "user.email=tests@slipway.invalid", .. arguments], App);

    public Task<string> RunCheckedAsync(string program, string[] arguments, string directory) =>
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
    public async Task DisposeAsync()
    {
        var report = Path.Combine(App, "artifacts", "images.json");
        if (File.Exists(report))
        {
            using var images = JsonDocument.Parse(await File.ReadAllTextAsync(report));
            var references = images.RootElement.GetProperty("images").EnumerateArray().Select(i => i.GetProperty("reference").GetString()!).ToList();
            await CommandLine.RunAsync("docker", ["image", "rm", .. references], Temp, new Dictionary<string, string>(), TimeSpan.FromMinutes(1));
        }

        _temp.Delete(recursive: true);
    }
}
