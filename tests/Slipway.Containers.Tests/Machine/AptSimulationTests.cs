using Slipway.Containers.Machine.Setup;

namespace Slipway.Containers.Tests.Machine;

/// <summary>
/// apt's simulation output, recorded on a bookworm machine with trixie added and pinned at 100 (Fixtures/): the install
/// Restore runs, the old <c>-t trixie</c> install that half-upgraded machines, and one apt refuses outright.
/// </summary>
public class AptSimulationTests
{
    private static readonly AptInstallStep Docker = new("install the Docker engine",
        new[] { "docker.io", "docker-cli", "docker-buildx", "docker-compose", "containerd" }.Select(p => new AptPackage(p, "trixie")).ToList());

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Machine", "Fixtures", name));

    [Fact]
    public void Per_package_release_selection_only_adds_packages()
    {
        var simulation = AptSimulation.Parse(Fixture("apt-simulate-per-package.txt"));

        Assert.True(simulation.OnlyAdds);
        Assert.Equal(["runc", "containerd", "libip6tc2", "libnfnetlink0", "libnetfilter-conntrack3", "libnftnl11", "iptables", "tini",
            "docker.io", "docker-buildx", "docker-cli", "docker-compose"], simulation.Added);
        Assert.Null(Docker.Refusal(simulation));
    }

    [Fact]
    public void The_t_trixie_install_that_upgrades_libc6_is_refused_with_what_it_would_replace()
    {
        var simulation = AptSimulation.Parse(Fixture("apt-simulate-t-trixie.txt"));

        Assert.False(simulation.OnlyAdds);
        Assert.Equal(107, simulation.Replaced.Count);
        Assert.Equal(20, simulation.Removed.Count);
        Assert.Contains(new AptSimulation.Replacement("libc6", "2.36-9+deb12u14", "2.41-12+deb13u5"), simulation.Replaced);
        Assert.Contains(new AptSimulation.Replacement("python3", "3.11.2-1+b1", "3.13.5-1"), simulation.Replaced);
        Assert.Contains("libssl3", simulation.Removed);

        var refusal = Docker.Refusal(simulation)!;
        Assert.StartsWith("Restore did not install the Docker engine: apt would change packages this machine already has, and Restore never replaces a system package.", refusal);
        Assert.Contains("  - replace libc6 2.36-9+deb12u14 → 2.41-12+deb13u5\n", refusal);
        Assert.Contains("  - replace base-files 12.4+deb12u11 → 13.8+deb13u8\n", refusal);
        Assert.Contains("  - remove libssl3\n", refusal);
        Assert.EndsWith("Nothing was installed. Install docker.io docker-cli docker-buildx docker-compose containerd another way (or accept these changes and run the install yourself: "
                        + "DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends docker.io/trixie docker-cli/trixie docker-buildx/trixie docker-compose/trixie containerd/trixie), then run Restore again.", refusal);
    }

    [Theory]
    [InlineData("Inst libc6 [2.36-9] (2.41-12 Debian:13.8/stable [amd64]) [libc-bin:amd64 ]", "libc6", "2.36-9", "2.41-12")]
    [InlineData("Inst tzdata [2025b-0+deb12u1] (2024a-0+deb12u1 Debian:12.15/oldstable [all])", "tzdata", "2025b-0+deb12u1", "2024a-0+deb12u1")]
    public void An_installed_package_with_another_candidate_is_a_replacement_upgrade_or_downgrade(string line, string package, string installed, string candidate)
    {
        var simulation = AptSimulation.Parse(line);
        Assert.Equal([new AptSimulation.Replacement(package, installed, candidate)], simulation.Replaced);
        Assert.Empty(simulation.Added);
    }

    [Fact]
    public void Removals_and_purges_are_both_removals_and_Conf_lines_are_not_counted()
    {
        var simulation = AptSimulation.Parse("Remv libssl3 [3.0.19-1~deb12u2] [systemd:amd64 ]\nPurg oldpkg [1.0]\nInst a (1 x [all])\nConf a (1 x [all])\n");
        Assert.Equal(["libssl3", "oldpkg"], simulation.Removed);
        Assert.Equal(["a"], simulation.Added);
    }

    [Fact]
    public void An_install_apt_refuses_is_explained_in_apts_words()
    {
        var complaints = AptSimulation.Complaints(Fixture("apt-simulate-unmet.txt"));
        Assert.Equal(
            """
              libc-bin : Depends: libc6 (< 2.37) but 2.41-12+deb13u5 is to be installed
              libc6 : Breaks: base-files (< 13.3~) but 12.4+deb12u11 is to be installed
              E: Error, pkgProblemResolver::Resolve generated breaks, this may be caused by held packages.
            """.Replace("\r", ""), complaints);
    }
}
