using System.CommandLine;
using Slipway.Build;
using Slipway.GlobalTool.Init;
using Spectre.Console;

namespace Slipway.GlobalTool;

/// <summary>The tool's own commands (init, --help, --version) on System.CommandLine; anything else goes to the repository's build.</summary>
public sealed class ToolCommandLine(IAnsiConsole console, TextWriter output, TextWriter error, bool interactive, AbsolutePath workingDirectory)
{
    private static readonly string[] OwnHelpAndVersion = ["--help", "-h", "-?", "--version"];

    /// <summary>True for the arguments the tool answers itself; the rest is handed to ./build.sh.</summary>
    public static bool IsOwn(IReadOnlyList<string> args) => args is ["init", ..] || args is [var only] && OwnHelpAndVersion.Contains(only);

    public Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken) =>
        Root().Parse(args.ToArray()).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);

    private RootCommand Root()
    {
        var root = new RootCommand(
            "Slipway: typed C# builds that take a docker compose stack from source to a release, and generate its GitHub Actions workflows.\n\n" +
            "  slipway init              set this git repository up: build project, bootstrap, parameters, smoke checks, workflows\n" +
            "  slipway [targets…] [--parameter value…]\n" +
            "                            in a set-up repository, run its ./build.sh with these arguments, e.g. slipway SmokeTest,\n" +
            "                            slipway --plan, slipway Publish --help (the build's own help)");
        root.Subcommands.Add(Init());
        // The package version (the one init references), without the commit System.CommandLine's own option would add.
        root.Options.Remove(root.Options.OfType<VersionOption>().Single());
        var version = new Option<bool>("--version") { Description = "Show the tool's version, which is the version of the Slipway packages init references" };
        root.Options.Add(version);
        root.SetAction(parse =>
        {
            if (!parse.GetValue(version)) return 1; // unreachable: the tool hands anything else to ./build.sh
            output.WriteLine(ToolVersion.Current);
            return 0;
        });
        return root;
    }

    private Command Init()
    {
        var composeFile = new Option<string[]>("--compose-file", "-f")
        {
            Description = "The stack's compose file, repeated for override files like compose's -f (default: compose.yaml or docker-compose.yml and its override, found as compose finds them)",
            AllowMultipleArgumentsPerToken = false,
        };
        var profile = new Option<string[]>("--compose-profile") { Description = "A compose profile to enable, repeatable (default: none)" };
        var source = new Option<string>("--source") { Description = "A local folder of Slipway's packages (e.g. a Slipway clone's artifacts/packages), written into nuget.config (default: the usual NuGet sources)" };
        var branch = new Option<string>("--branch") { Description = "The branch the ci workflow builds on pushes and pull requests (default: the current branch, else main)" };
        var platform = new Option<string>("--platform") { Description = $"Platforms the workflows build, comma-separated (default: {string.Join(",", Scaffold.CiSettings.DefaultPlatforms)})" };
        var registry = new Option<string>("--registry") { Description = $"Registry and prefix the release workflow publishes to (default: {Scaffold.CiSettings.GitHubRegistry})" };
        var force = new Option<bool>("--force") { Description = "Overwrite files that exist with other content" };
        var yes = new Option<bool>("--yes", "-y") { Description = "Take the defaults without asking, even on a terminal" };

        var init = new Command("init", "Sets this git repository up for Slipway; lists what it wrote and what it left alone, and never overwrites without --force")
        {
            composeFile, profile, source, branch, platform, registry, force, yes,
        };
        init.SetAction(async (parse, cancellationToken) =>
        {
            var options = new InitOptions
            {
                ComposeFiles = parse.GetValue(composeFile) ?? [],
                ComposeProfiles = parse.GetValue(profile) is { Length: > 0 } profiles ? profiles : null,
                Source = parse.GetValue(source),
                Branch = parse.GetValue(branch),
                Platforms = parse.GetValue(platform) is { } platforms ? InitQuestions.Split(platforms) : null,
                Registry = parse.GetValue(registry),
                Force = parse.GetValue(force),
                Yes = parse.GetValue(yes),
            };
            return await new InitRunner(console, output, error, interactive, ToolVersion.Current).RunAsync(options, workingDirectory, cancellationToken);
        });
        return init;
    }
}
