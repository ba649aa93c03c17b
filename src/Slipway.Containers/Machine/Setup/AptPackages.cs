using Slipway.Containers.Images;

namespace Slipway.Containers.Machine.Setup;

/// <summary>
/// Which packages Restore installs on Debian and Ubuntu, and from where. Bookworm's docker.io (20.10) is too old and it
/// has no cosign, so on Debian 12 those come from trixie, added as an apt source pinned low and selected per package
/// (<c>docker.io/trixie</c>): their dependencies then stay at bookworm's versions, and no installed package is replaced.
/// Never a target release (apt-get -t) of trixie, which raises trixie for every dependency and half-upgrades the machine to Debian 13.
/// </summary>
public static class AptPackages
{
    public const string NewerRelease = "trixie";
    public const string TrixieSourcesFile = "/etc/apt/sources.list.d/trixie.sources";
    public const string TrixiePinFile = "/etc/apt/preferences.d/trixie-pin";

    // Only the trixie suite: trixie-security is not covered by this pin, and unpinned it would sit at 500 and let a
    // later `apt-get upgrade` take trixie packages.
    public const string TrixieSources = """
        Types: deb
        URIs: http://deb.debian.org/debian
        Suites: trixie
        Components: main
        Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

        """;

    public const string TrixiePin = """
        Package: *
        Pin: release n=trixie
        Pin-Priority: 100

        """;

    /// <summary>True for the distributions Restore knows how to install on.</summary>
    public static bool Supports(OsRelease? os) => os is { IsUbuntu: true } || os is { IsDebian: true, DebianMajor: null or >= 12 };

    /// <summary>The Docker engine and its runtime (with the CLI where the distribution packages it apart).</summary>
    public static IReadOnlyList<AptPackage> Engine(OsRelease os) =>
        os.IsUbuntu ? [new("docker.io")] : [Newer(os, "docker.io"), Newer(os, "docker-cli"), Newer(os, "containerd")];

    public static AptPackage Cli(OsRelease os) => os.IsUbuntu ? new("docker.io") : Newer(os, "docker-cli");
    public static AptPackage Buildx(OsRelease os) => os.IsUbuntu ? new("docker-buildx") : Newer(os, "docker-buildx");
    public static AptPackage Compose(OsRelease os) => os.IsUbuntu ? new("docker-compose-v2") : Newer(os, "docker-compose");

    /// <summary>A package Debian 12 lacks, or has too old: from trixie there, from the release itself elsewhere.</summary>
    public static AptPackage Newer(OsRelease os, string name) => new(name, os.DebianMajor == 12 ? NewerRelease : null);

    /// <summary>The steps that install <paramref name="packages"/>: the trixie source and pin first when a package comes from it.</summary>
    public static IReadOnlyList<SetupStep> InstallSteps(OsRelease os, IReadOnlyList<AptPackage> packages, string description)
    {
        if (!Supports(os)) throw new ArgumentException($"{os.PrettyName} is not a distribution Restore installs on.", nameof(os));
        if (packages.Count == 0) return [];

        var steps = new List<SetupStep>();
        if (packages.Any(p => p.Release == NewerRelease))
        {
            steps.Add(new WriteFileStep("add Debian trixie as an apt source", TrixieSourcesFile, TrixieSources));
            steps.Add(new WriteFileStep("pin trixie low, so that only the packages selected from it by name come from it", TrixiePinFile, TrixiePin));
        }

        steps.Add(new CommandStep("update the apt package lists", "apt-get", ["update"]));
        steps.Add(new AptInstallStep(description, packages));
        return steps;
    }
}
