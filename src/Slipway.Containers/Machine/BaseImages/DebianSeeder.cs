using Serilog;
using Slipway.Build.Processes;
using Slipway.Build;
using Slipway.Containers.Images;

namespace Slipway.Containers.Machine.BaseImages;

/// <summary>
/// Makes <c>debian:&lt;suite&gt;-slim</c> without a registry: debootstrap a minimal root file system per platform (foreign
/// ones run under QEMU), then one buildx build of <c>FROM scratch</c> + the platform's tarball, loaded as one multi-platform
/// image. The tarballs stay in the cache directory, so seeding again only rebuilds the image.
/// </summary>
public sealed class DebianSeeder(ILogger log, ProcessRunner processes, AbsolutePath cacheDirectory)
{
    public const string Mirror = "http://deb.debian.org/debian";

    /// <summary>What the seeded image is built from; TARGETARCH and TARGETVARIANT pick the platform's tarball.</summary>
    public const string Dockerfile = """
        # Written by Slipway's Restore: a Debian base image from debootstrap, because none could be pulled.
        FROM scratch
        ARG TARGETARCH
        ARG TARGETVARIANT
        ADD rootfs-${TARGETARCH}${TARGETVARIANT}.tar /
        ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
        CMD ["bash"]

        """;

    public static string TarballName(PlatformName platform) => $"rootfs-{platform.Architecture}{platform.Variant}.tar";

    public async Task SeedAsync(string suite, IReadOnlyList<PlatformName> platforms, string tag, CancellationToken ct)
    {
        var directory = cacheDirectory / suite;
        Directory.CreateDirectory(directory);
        foreach (var platform in platforms)
        {
            var tarball = directory / TarballName(platform);
            if (File.Exists(tarball))
            {
                log.Information("Using the cached root file system {Tarball}", tarball);
                continue;
            }

            var architecture = platform.DebianArchitecture
                               ?? throw new InvalidOperationException($"Debian has no port for {platform}, so debian:{suite}-slim cannot be seeded for it.");
            await BootstrapAsync(suite, architecture, directory / $"rootfs-{architecture}", tarball, ct);
        }

        var dockerfile = directory / "Dockerfile";
        await File.WriteAllTextAsync(dockerfile, Dockerfile, ct);
        log.Information("Building {Tag} for {Platforms} from the root file systems", tag, string.Join(", ", platforms));
        await processes.RunAsync("docker",
            ["buildx", "build", "--platform", string.Join(',', platforms), "--load", "--tag", tag, "--file", dockerfile, "--progress", "plain", directory],
            new ProcessOptions { Quiet = true }, ct);
    }

    private async Task BootstrapAsync(string suite, string architecture, AbsolutePath root, AbsolutePath tarball, CancellationToken ct)
    {
        log.Information("Bootstrapping Debian {Suite} for {Architecture} into {Root} (minutes under emulation)", suite, architecture, root);
        await RemoveTreeAsync(root, ct);
        try
        {
            await processes.RunAsync("debootstrap", ["--variant=minbase", $"--arch={architecture}", suite, root, Mirror], cancellationToken: ct);
            var partial = tarball + ".partial";
            await processes.RunAsync("tar", ["--numeric-owner", "-C", root, "-cf", partial, "."], cancellationToken: ct);
            File.Move(partial, tarball, overwrite: true);
        }
        finally
        {
            // Also when the run is aborted: the half-made root is removed either way.
            await RemoveTreeAsync(root, CancellationToken.None);
        }
    }

    // A failed debootstrap can leave /proc or /sys mounted inside the root: unmount them first, and let rm stay on one
    // file system, so that removing the root never reaches into the host's.
    private async Task RemoveTreeAsync(AbsolutePath root, CancellationToken ct)
    {
        if (!Directory.Exists(root)) return;
        var prefix = root + "/";
        var mounts = File.ReadAllLines("/proc/mounts")
            .Select(line => line.Split(' ')[1].Replace("\\040", " "))
            .Where(point => point.StartsWith(prefix, StringComparison.Ordinal))
            .OrderByDescending(point => point.Length);
        foreach (var point in mounts)
            await processes.RunAsync("umount", ["--lazy", point], cancellationToken: ct);
        await processes.RunAsync("rm", ["-rf", "--one-file-system", root], cancellationToken: ct);
    }
}
