using System.Diagnostics;
using Slipway.Build;

namespace Slipway.GlobalTool.Handover;

/// <summary>A set-up repository's bootstrap: ./build.sh (build.ps1 on Windows) at the root that holds .nuke/.</summary>
public sealed record BuildScript(AbsolutePath Root)
{
    public static string ScriptName => OperatingSystem.IsWindows() ? "build.ps1" : "build.sh";

    public AbsolutePath File => Root / ScriptName;

    /// <summary>The nearest folder at or above <paramref name="directory"/> with .nuke/ and the bootstrap script; null when there is none.</summary>
    public static BuildScript? Find(AbsolutePath directory)
    {
        for (var folder = directory; folder is not null; folder = folder.Parent)
            if (Directory.Exists(folder / ".nuke") && System.IO.File.Exists(folder / ScriptName))
                return new BuildScript(folder);
        return null;
    }

    /// <summary>The script run with <paramref name="arguments"/> as they are, by bash (or PowerShell), so it needs no executable bit.</summary>
    public ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var start = OperatingSystem.IsWindows()
            ? new ProcessStartInfo("powershell") { ArgumentList = { "-NoProfile", "-ExecutionPolicy", "ByPass", "-File", File } }
            : new ProcessStartInfo("bash") { ArgumentList = { File } };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return start;
    }
}
