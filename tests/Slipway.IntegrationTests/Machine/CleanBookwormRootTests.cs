using Slipway.Containers.Images;
using Slipway.Containers.Machine.Checks;
using Slipway.Containers.Machine.Setup;

namespace Slipway.IntegrationTests.Machine;

/// <summary>
/// Restore's apt plans, simulated with apt-get -s in a clean bookworm root with trixie added and pinned exactly as
/// Restore adds it, replace nothing that a fresh machine has; the Docker plan, installed for real there, gives binaries
/// that run on bookworm.
/// </summary>
public sealed class CleanBookwormRootTests(BookwormRoot root) : IClassFixture<BookwormRoot>
{
    private static readonly PlatformName Arm64 = PlatformName.Parse("linux/arm64");

    [Fact]
    public async Task Every_apt_plan_of_Restore_only_adds_packages_and_the_Docker_plan_installs_binaries_that_run()
    {
        var os = OsRelease.Parse(await File.ReadAllTextAsync(root.Combine("etc/os-release")));
        Assert.Equal(12, os.DebianMajor);
        var fresh = new MachineState { Os = os, IsRoot = true, Emulators = [new EmulatorState(Arm64, EmulatorStatus.Missing, false)] };
        var engine = SetupPlanner.Plan(fresh, new SetupRequest { NeedsContainerdImageStore = true });
        var plans = new[]
        {
            engine,
            SetupPlanner.PlanPackages(fresh, [new AptPackage("debootstrap")], "to seed base images"),
            SetupPlanner.PlanPackages(fresh, [new AptPackage("docker-registry"), new AptPackage("apache2-utils"), new AptPackage("skopeo")], "by the tests"),
            SetupPlanner.PlanPackages(fresh, [AptPackages.Newer(os, "cosign")], "to sign"),
        };

        await WriteAptFilesAsync(engine);
        await root.RunCheckedAsync("apt-get", "update", "-q");
        var before = await root.RunCheckedAsync("dpkg-query", "-W", "-f", "${Package} ${Version}\n");
        Assert.Contains("python3 3.11", before);
        Assert.Contains("libssl3:amd64 3.0", before.Replace("libssl3 ", "libssl3:amd64 "));

        foreach (var install in plans.SelectMany(p => p.Steps.OfType<AptInstallStep>()))
        {
            var simulation = AptSimulation.Parse(await root.RunCheckedAsync(["apt-get", .. install.SimulateArguments]));
            Assert.True(simulation.OnlyAdds, install.Refusal(simulation));
            Assert.NotEmpty(simulation.Added);
        }

        // The guard catches the install that half-upgraded machines: raising all of trixie with -t.
        var raised = AptSimulation.Parse(await root.RunCheckedAsync("apt-get", "-s", "install", "-y", "-t", "trixie", "docker.io", "docker-buildx", "docker-compose", "containerd"));
        Assert.Contains(raised.Replaced, r => r.Package == "libc6");

        var docker = engine.Steps.OfType<AptInstallStep>().Single();
        await root.RunCheckedAsync(["apt-get", .. docker.Arguments]);
        var after = await root.RunCheckedAsync("dpkg-query", "-W", "-f", "${Package} ${Version}\n");
        Assert.Empty(Lines(before).Except(Lines(after))); // every package at the version it had

        Assert.True(ToolVersion.IsAtLeast(ToolVersion.Parse(await root.RunCheckedAsync("dockerd", "--version"))!, ToolVersion.MinimumEngine));
        Assert.NotNull(ToolVersion.Parse(await root.RunCheckedAsync("containerd", "--version")));
        Assert.NotNull(ToolVersion.Parse(await root.RunCheckedAsync("runc", "--version")));
        Assert.True(ToolVersion.IsAtLeast(ToolVersion.Parse(await root.RunCheckedAsync("docker", "buildx", "version"))!, ToolVersion.MinimumBuildx));
        Assert.True(ToolVersion.IsAtLeast(ToolVersion.Parse(await root.RunCheckedAsync("docker", "compose", "version"))!, ToolVersion.MinimumCompose));
    }

    /// <summary>The trixie source and pin exactly as the plan writes them.</summary>
    private async Task WriteAptFilesAsync(SetupPlan plan)
    {
        var files = plan.Steps.OfType<WriteFileStep>().Where(w => w.Path.StartsWith("/etc/apt/", StringComparison.Ordinal)).ToList();
        Assert.Equal([AptPackages.TrixieSourcesFile, AptPackages.TrixiePinFile], files.Select(f => f.Path));
        foreach (var file in files) await File.WriteAllTextAsync(root.Combine(file.Path.TrimStart('/')), file.Content);
    }

    private static HashSet<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
}
