using Slipway.IntegrationTests.Support;
using Slipway.Tests.Shared;

namespace Slipway.IntegrationTests.Machine;

/// <summary>
/// A clean Debian 12 root as a fresh machine has it (python3, systemd and libssl3 included), made with debootstrap once
/// and cached as a tarball under .nuke/temp; each test gets its own copy, removed afterwards. Commands run in it with
/// chroot, inside a private mount namespace so that nothing mounted for them outlives them.
/// </summary>
public sealed class BookwormRoot : IAsyncLifetime
{
    private const string Mirror = "http://deb.debian.org/debian";
    private static readonly TimeSpan Slow = TimeSpan.FromMinutes(15);
    private static readonly string Cache = Path.Combine(RepositoryRoot.Find(), ".nuke", "temp", "bookworm-root");
    private static readonly IReadOnlyDictionary<string, string> NoEnvironment = new Dictionary<string, string>();

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "slipway-bookworm-" + Guid.NewGuid().ToString("N")[..8]);

    public async Task InitializeAsync()
    {
        Assert.True(Environment.IsPrivilegedProcess, "The clean-root test needs root: debootstrap and chroot do.");
        var tarball = await CachedTarballAsync();
        Directory.CreateDirectory(Folder);
        await CommandLine.RunCheckedAsync("tar", ["-xf", tarball, "-C", Folder], "/", NoEnvironment, Slow);

        // As a fresh bookworm machine: its release with updates and security, resolving names as the host does, and no
        // service started by a package's scripts inside the root.
        await File.WriteAllTextAsync(Combine("etc/apt/sources.list"),
            $"deb {Mirror} bookworm main\ndeb {Mirror} bookworm-updates main\ndeb http://deb.debian.org/debian-security bookworm-security main\n");
        File.Copy("/etc/resolv.conf", Combine("etc/resolv.conf"), overwrite: true);
        await File.WriteAllTextAsync(Combine("usr/sbin/policy-rc.d"), "#!/bin/sh\nexit 101\n");
        await CommandLine.RunCheckedAsync("chmod", ["755", Combine("usr/sbin/policy-rc.d")], "/", NoEnvironment, Slow);
    }

    public string Combine(string relative) => Path.Combine(Folder, relative);

    /// <summary>Runs a command inside the root (with /proc mounted and apt's downloads cached beside the root tarball).</summary>
    internal Task<CommandResult> RunAsync(params string[] command)
    {
        var archives = Path.Combine(Cache, "archives");
        Directory.CreateDirectory(Path.Combine(archives, "partial"));
        var script = $"mount -t proc proc {Quote(Combine("proc"))} && mount --bind {Quote(archives)} {Quote(Combine("var/cache/apt/archives"))} "
                     + $"&& exec chroot {Quote(Folder)} env LC_ALL=C DEBIAN_FRONTEND=noninteractive {string.Join(' ', command.Select(Quote))}";
        return CommandLine.RunAsync("unshare", ["--mount", "--propagation", "private", "--fork", "sh", "-c", script], "/", NoEnvironment, Slow);
    }

    public async Task<string> RunCheckedAsync(params string[] command)
    {
        var result = await RunAsync(command);
        Assert.True(result.ExitCode == 0, $"{string.Join(' ', command)} exited {result.ExitCode} in the clean root:\n{result.Output}\n{result.Error}");
        return result.Output;
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    private static async Task<string> CachedTarballAsync()
    {
        var tarball = Path.Combine(Cache, "root.tar");
        if (File.Exists(tarball)) return tarball;

        Directory.CreateDirectory(Cache);
        var staging = Path.Combine(Cache, "staging-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await CommandLine.RunCheckedAsync("debootstrap", ["--variant=minbase", "--include=python3,systemd,libssl3", "bookworm", staging, Mirror], "/", NoEnvironment, Slow);
            var partial = tarball + ".partial-" + Guid.NewGuid().ToString("N")[..8];
            await CommandLine.RunCheckedAsync("tar", ["-cf", partial, "-C", staging, "."], "/", NoEnvironment, Slow);
            File.Move(partial, tarball, overwrite: true);
        }
        finally
        {
            if (Directory.Exists(staging)) await CommandLine.RunAsync("rm", ["-rf", "--one-file-system", staging], "/", NoEnvironment, Slow);
        }

        return tarball;
    }

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''") + "'";
}
