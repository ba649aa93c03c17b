using Slipway.Containers.Images;
using Slipway.Containers.Machine.Checks;

namespace Slipway.Containers.Machine.Setup;

/// <summary>
/// How packages are installed on Debian and Ubuntu. Bookworm's docker.io (20.10) is too old, so on Debian 12 the Docker
/// packages come from trixie, added as an apt source pinned low so nothing else is taken from it (measured on this
/// project's machines: trixie's docker.io 26.1, docker-buildx 0.13, docker-compose 2.26 and containerd 1.7 work on bookworm).
/// </summary>
public static class AptPackages
{
    public const string TrixieSourcesFile = "/etc/apt/sources.list.d/trixie.sources";
    public const string TrixiePinFile = "/etc/apt/preferences.d/trixie-pin";

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

    /// <summary>The Docker engine, CLI, buildx and compose, by the distribution's package names.</summary>
    public static IReadOnlyList<string> DockerPackages(OsRelease os) =>
        os.IsUbuntu ? ["docker.io", "docker-buildx", "docker-compose-v2"] : ["docker.io", "docker-buildx", "docker-compose", "containerd"];

    /// <summary>
    /// The steps that install the packages: Docker's from trixie on Debian 12, the others from the release itself.
    /// Only for a distribution that <see cref="Supports"/>.
    /// </summary>
    public static IReadOnlyList<SetupStep> InstallSteps(OsRelease os, bool docker, IReadOnlyList<string> otherPackages)
    {
        if (!Supports(os)) throw new ArgumentException($"{os.PrettyName} is not a distribution Restore installs on.", nameof(os));
        if (!docker && otherPackages.Count == 0) return [];

        var fromTrixie = docker && os.DebianMajor == 12;
        var steps = new List<SetupStep>();
        if (fromTrixie)
        {
            steps.Add(new WriteFileStep("add Debian trixie as an apt source (for Docker 26)", TrixieSourcesFile, TrixieSources));
            steps.Add(new WriteFileStep("pin trixie low, so only what is asked for comes from it", TrixiePinFile, TrixiePin));
        }

        steps.Add(new CommandStep("update the apt package lists", "apt-get", ["update"]));
        if (docker)
        {
            var arguments = new List<string> { "install", "-y" };
            if (fromTrixie) arguments.AddRange(["-t", "trixie"]);
            arguments.AddRange(DockerPackages(os));
            steps.Add(Install("install the Docker engine, buildx and compose" + (fromTrixie ? " from trixie" : ""), arguments));
        }

        if (otherPackages.Count > 0)
            steps.Add(Install("install " + string.Join(", ", otherPackages), ["install", "-y", .. otherPackages]));
        return steps;
    }

    private static CommandStep Install(string description, IReadOnlyList<string> arguments) =>
        new(description, "apt-get", arguments) { Environment = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" } };
}
