using Serilog;
using Slipway.Build;
using Slipway.Build.Execution;
using Slipway.Build.Processes;

namespace Slipway.Containers.Machine.Languages;

/// <summary>Runs <c>dotnet restore</c> and <c>npm ci</c> for the stack's projects, skipping what is already up to date.</summary>
public sealed class LanguageRestorer(ILogger log, ProcessRunner processes, AbsolutePath stampDirectory)
{
    /// <summary>Restores what is out of date; returns a short note of what ran (empty when nothing did).</summary>
    public async Task<IReadOnlyList<string>> RestoreAsync(StackProjects projects, CancellationToken ct)
    {
        var done = new List<string>();
        if (projects.DotnetProjects.Count > 0 && await RestoreDotnetAsync(projects.DotnetProjects, ct))
            done.Add($"dotnet restore ×{projects.DotnetProjects.Count}");

        var npm = 0;
        foreach (var package in projects.NpmPackages)
            if (await RestoreNpmAsync(package, ct)) npm++;
        if (npm > 0) done.Add($"npm ci ×{npm}");
        return done;
    }

    private async Task<bool> RestoreDotnetAsync(IReadOnlyList<string> projects, CancellationToken ct)
    {
        var stamp = stampDirectory / "dotnet-restore.sha256";
        var hash = DotnetRestoreInputs.Hash(projects);
        if (File.Exists(stamp) && (await File.ReadAllTextAsync(stamp, ct)).Trim() == hash && projects.All(p => File.Exists(DotnetRestoreInputs.AssetsFile(p))))
        {
            log.Information(".NET projects are restored and unchanged: {Projects}", string.Join(", ", projects.Select(Path.GetFileName)));
            return false;
        }

        foreach (var project in projects)
            await processes.RunAsync("dotnet", ["restore", project, "--nologo", "-v", "q"], cancellationToken: ct);
        Directory.CreateDirectory(stampDirectory);
        await File.WriteAllTextAsync(stamp, hash + "\n", ct);
        return true;
    }

    private async Task<bool> RestoreNpmAsync(string package, CancellationToken ct)
    {
        var lockFile = Path.Combine(package, "package-lock.json");
        if (!File.Exists(lockFile))
        {
            log.Warning("{Package} has no package-lock.json, which npm ci needs: not restored", package);
            return false;
        }

        // npm ci writes node_modules/.package-lock.json last: newer than the lock and package.json means installed from them.
        var installed = new FileInfo(Path.Combine(package, "node_modules", ".package-lock.json"));
        if (installed.Exists && installed.LastWriteTimeUtc >= File.GetLastWriteTimeUtc(lockFile)
                             && installed.LastWriteTimeUtc >= File.GetLastWriteTimeUtc(Path.Combine(package, "package.json")))
        {
            log.Information("npm packages of {Package} are installed and unchanged", package);
            return false;
        }

        // npm ci never writes the lock: a build must not edit tracked files, so a lock npm ci refuses is the user's to fix.
        var ci = await processes.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], new ProcessOptions { WorkingDirectory = package, ThrowOnError = false }, ct);
        if (ci.Succeeded) return true;
        if (IsLockOutOfSync(ci.StandardError + ci.StandardOutput))
            throw new TargetFailedException($"{lockFile} is not in sync with package.json, so npm ci refuses it (npm says what is missing above). "
                                            + $"Run 'npm install --package-lock-only' in {package} and commit the lock.");
        throw new ProcessFailedException($"'npm ci' in {package} exited with code {ci.ExitCode}.", ci);
    }

    /// <summary>npm ci's usage error for a lock file that doesn't match package.json.</summary>
    public static bool IsLockOutOfSync(string npmOutput) =>
        npmOutput.Contains("EUSAGE", StringComparison.Ordinal) && npmOutput.Contains("in sync", StringComparison.Ordinal);
}
