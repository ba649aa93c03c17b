using Slipway.Build;
using Slipway.GlobalTool;
using Slipway.GlobalTool.Handover;
using Spectre.Console;

// slipway init | --help | --version are the tool's own; anything else runs the set-up repository's ./build.sh, as NUKE's global tool does.
var workingDirectory = AbsolutePath.Create(Directory.GetCurrentDirectory());
var interactive = !Console.IsInputRedirected;
var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
var commandLine = new ToolCommandLine(console, Console.Out, Console.Error, interactive, workingDirectory);

if (ToolCommandLine.IsOwn(args))
    return await commandLine.RunAsync(args, CancellationToken.None);

if (BuildScript.Find(workingDirectory) is { } script)
    return await Handover.RunAsync(script, args);

// No set-up repository here: offer to set one up, as nuke does, or say how.
if (interactive && args.Length == 0 && console.Confirm($"No Slipway build in {workingDirectory} or above it. Set this repository up (slipway init)?", defaultValue: false))
    return await commandLine.RunAsync(["init"], CancellationToken.None);
await Console.Error.WriteLineAsync(
    $"slipway: no Slipway build in {workingDirectory} or above it (a folder with .nuke/ and {BuildScript.ScriptName}). " +
    "Run slipway init in the repository to set it up; slipway --help lists the commands.");
return 1;
