using Slipway.Containers.Images;
using Slipway.Containers.Machine.Checks;
using Slipway.Containers.Machine.Setup;

namespace Slipway.Containers.Tests.Machine;

public class SetupPlannerTests
{
    private static readonly OsRelease Bookworm = OsRelease.Parse("ID=debian\nVERSION_ID=\"12\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n");
    private static readonly OsRelease Trixie = OsRelease.Parse("ID=debian\nVERSION_ID=\"13\"\nPRETTY_NAME=\"Debian GNU/Linux 13 (trixie)\"\n");
    private static readonly OsRelease Noble = OsRelease.Parse("ID=ubuntu\nVERSION_ID=\"24.04\"\nPRETTY_NAME=\"Ubuntu 24.04 LTS\"\n");
    private static readonly OsRelease Fedora = OsRelease.Parse("ID=fedora\nPRETTY_NAME=\"Fedora Linux 40\"\n");
    private static readonly PlatformName Arm64 = PlatformName.Parse("linux/arm64");

    /// <summary>This project's machine after setup: everything in place, arm64 emulated.</summary>
    private static readonly MachineState Ready = new()
    {
        Os = Bookworm,
        IsRoot = true,
        DockerCliInstalled = true,
        DockerdInstalled = true,
        Engine = new Version(26, 1, 5),
        Buildx = new Version(0, 13, 1),
        Compose = new Version(2, 26, 1),
        ContainerdImageStore = true,
        DaemonJson = """{"features":{"containerd-snapshotter":true}}""",
        BinfmtMounted = true,
        Emulators = [new EmulatorState(Arm64, EmulatorStatus.Enabled, true)],
    };

    /// <summary>A new bookworm machine: the docker CLI at most, no engine, no QEMU, binfmt_misc not mounted.</summary>
    private static readonly MachineState Fresh = Ready with
    {
        DockerCliInstalled = false,
        DockerdInstalled = false,
        Engine = null,
        Buildx = null,
        Compose = null,
        ContainerdImageStore = null,
        DaemonJson = null,
        BinfmtMounted = false,
        Emulators = [new EmulatorState(Arm64, EmulatorStatus.Missing, false)],
    };

    private static List<string> Commands(SetupPlan plan) => plan.Steps.Select(s => s.ShellText).ToList();

    [Fact]
    public void A_ready_machine_needs_nothing()
    {
        var plan = SetupPlanner.Plan(Ready);
        Assert.True(plan.IsEmpty);
        Assert.Empty(plan.Packages);
    }

    [Fact]
    public void A_fresh_bookworm_machine_gets_Docker_from_trixie_QEMU_binfmt_the_containerd_store_and_a_running_engine()
    {
        var plan = SetupPlanner.Plan(Fresh);

        Assert.Equal(
        [
            "cat > /etc/apt/sources.list.d/trixie.sources <<'EOF'\nTypes: deb\nURIs: http://deb.debian.org/debian\nSuites: trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\nEOF",
            "cat > /etc/apt/preferences.d/trixie-pin <<'EOF'\nPackage: *\nPin: release n=trixie\nPin-Priority: 100\nEOF",
            "apt-get update",
            "DEBIAN_FRONTEND=noninteractive apt-get install -y -t trixie docker.io docker-buildx docker-compose containerd",
            "DEBIAN_FRONTEND=noninteractive apt-get install -y qemu-user-static",
            "mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc",
            "grep -v -e '^#' -e '^$' /usr/lib/binfmt.d/qemu-aarch64.conf > /proc/sys/fs/binfmt_misc/register",
            "cat > /etc/docker/daemon.json <<'EOF'\n{\n  \"features\": {\n    \"containerd-snapshotter\": true\n  }\n}\nEOF",
            "setsid -f dockerd >>/var/log/dockerd.log 2>&1 </dev/null",
        ], Commands(plan));
        Assert.Equal(["docker.io", "docker-buildx", "docker-compose", "containerd", "qemu-user-static"], plan.Packages);
        Assert.Contains("the Docker engine (dockerd) is not installed", plan.Problems);
        Assert.Contains("docker buildx is not installed (need ≥ 0.12)", plan.Problems);
        Assert.Contains("no binfmt handler for linux/arm64 (qemu-aarch64): its binaries cannot run here", plan.Problems);
        Assert.Null(plan.WhyNotHere(Fresh, noInstall: false));
    }

    [Fact]
    public void On_trixie_Docker_comes_from_the_release_itself()
    {
        var plan = SetupPlanner.Plan(Fresh with { Os = Trixie, Emulators = [] });
        Assert.Equal(
        [
            "apt-get update",
            "DEBIAN_FRONTEND=noninteractive apt-get install -y docker.io docker-buildx docker-compose containerd",
            "cat > /etc/docker/daemon.json <<'EOF'\n{\n  \"features\": {\n    \"containerd-snapshotter\": true\n  }\n}\nEOF",
            "setsid -f dockerd >>/var/log/dockerd.log 2>&1 </dev/null",
        ], Commands(plan));
    }

    [Fact]
    public void On_Ubuntu_compose_is_docker_compose_v2()
    {
        var plan = SetupPlanner.Plan(Fresh with { Os = Noble, Emulators = [] });
        Assert.Contains("DEBIAN_FRONTEND=noninteractive apt-get install -y docker.io docker-buildx docker-compose-v2", Commands(plan));
        Assert.DoesNotContain(plan.Steps, s => s is WriteFileStep { Path: AptPackages.TrixieSourcesFile });
    }

    [Fact]
    public void An_old_buildx_is_upgraded_without_restarting_the_engine()
    {
        var state = Ready with { Buildx = new Version(0, 11, 2) };
        var plan = SetupPlanner.Plan(state);
        Assert.Equal(["docker buildx is 0.11.2, older than 0.12"], plan.Problems);
        Assert.Contains("DEBIAN_FRONTEND=noninteractive apt-get install -y -t trixie docker.io docker-buildx docker-compose containerd", Commands(plan));
        Assert.DoesNotContain(plan.Steps, s => s is StopDockerdStep or StartDockerdStep);
    }

    [Fact]
    public void An_old_compose_is_a_problem_too()
    {
        var plan = SetupPlanner.Plan(Ready with { Compose = new Version(2, 19, 1) });
        Assert.Equal(["docker compose is 2.19.1, older than 2.20"], plan.Problems);
    }

    [Fact]
    public void An_old_engine_is_upgraded_and_restarted()
    {
        var plan = SetupPlanner.Plan(Ready with { Engine = new Version(20, 10, 24) });
        Assert.Contains("the Docker engine is 20.10.24, older than 24.0", plan.Problems);
        Assert.IsType<StopDockerdStep>(plan.Steps[^2]);
        Assert.IsType<StartDockerdStep>(plan.Steps[^1]);
    }

    [Fact]
    public void The_classic_image_store_is_switched_keeping_other_daemon_settings_and_the_engine_restarted()
    {
        var state = Ready with { ContainerdImageStore = false, DaemonJson = """{"log-level":"warn","features":{"buildkit":true}}""" };
        var plan = SetupPlanner.Plan(state);

        Assert.Equal(["the engine does not use the containerd image store, which multi-platform --load needs"], plan.Problems);
        var write = Assert.IsType<WriteFileStep>(plan.Steps[0]);
        Assert.Equal("/etc/docker/daemon.json", write.Path);
        Assert.Contains("\"log-level\": \"warn\"", write.Content);
        Assert.Contains("\"buildkit\": true", write.Content);
        Assert.True(DaemonJson.EnablesContainerdSnapshotter(write.Content));
        Assert.Equal(
            ["kill $(cat /var/run/docker.pid) && while [ -e /var/run/docker.pid ]; do sleep 1; done", "setsid -f dockerd >>/var/log/dockerd.log 2>&1 </dev/null"],
            Commands(plan)[1..]);
    }

    [Fact]
    public void A_daemon_json_that_already_asks_for_the_store_only_needs_a_restart()
    {
        var plan = SetupPlanner.Plan(Ready with { ContainerdImageStore = false });
        Assert.Equal([typeof(StopDockerdStep), typeof(StartDockerdStep)], plan.Steps.Select(s => s.GetType()));
    }

    [Fact]
    public void An_installed_engine_that_does_not_answer_is_started_with_systemd_where_it_is_init()
    {
        var plan = SetupPlanner.Plan(Ready with { Engine = null, ContainerdImageStore = null, HasSystemd = true });
        Assert.Equal(["the Docker engine does not answer"], plan.Problems);
        Assert.Equal(["systemctl enable --now docker"], Commands(plan));
    }

    [Fact]
    public void A_disabled_handler_is_enabled_and_an_installed_but_unregistered_one_registered_without_packages()
    {
        var arm = PlatformName.Parse("linux/arm/v7");
        var state = Ready with
        {
            Emulators = [new EmulatorState(Arm64, EmulatorStatus.Disabled, true), new EmulatorState(arm, EmulatorStatus.Missing, true)],
        };
        var plan = SetupPlanner.Plan(state);
        Assert.Equal(
            ["echo 1 > /proc/sys/fs/binfmt_misc/qemu-aarch64", "grep -v -e '^#' -e '^$' /usr/lib/binfmt.d/qemu-arm.conf > /proc/sys/fs/binfmt_misc/register"],
            Commands(plan));
        Assert.Empty(plan.Packages);
        Assert.Contains("the binfmt handler qemu-aarch64 for linux/arm64 is disabled", plan.Problems);
    }

    [Fact]
    public void Elsewhere_the_packages_are_a_manual_step_and_the_plan_is_not_run()
    {
        var state = Fresh with { Os = Fedora };
        var plan = SetupPlanner.Plan(state);
        Assert.Equal(2, plan.Steps.OfType<ManualStep>().Count());
        Assert.Equal("Restore installs only on Debian (12 or later) and Ubuntu, and this is Fedora Linux 40", plan.WhyNotHere(state, noInstall: false));
        Assert.Equal("Restore installs only on Debian (12 or later) and Ubuntu, and this is not Linux", plan.WhyNotHere(state with { Os = null }, noInstall: false));
    }

    [Fact]
    public void Not_root_or_no_install_means_nothing_is_run()
    {
        var plan = SetupPlanner.Plan(Fresh);
        Assert.Equal("Restore is not running as root", plan.WhyNotHere(Fresh with { IsRoot = false }, noInstall: false));
        Assert.Equal("--no-install is set", plan.WhyNotHere(Fresh, noInstall: true));
    }

    [Fact]
    public void The_instructions_list_the_problems_the_reason_and_the_exact_commands()
    {
        var state = Ready with { IsRoot = false, Buildx = null, BinfmtMounted = false, Emulators = [new EmulatorState(Arm64, EmulatorStatus.Missing, true)] };
        var plan = SetupPlanner.Plan(state);
        Assert.Equal(
            """
            This machine is not ready to build the stack:
              - docker buildx is not installed (need ≥ 0.12)
              - no binfmt handler for linux/arm64 (qemu-aarch64): its binaries cannot run here
            Restore changed nothing because Restore is not running as root. Run these commands as root, then run Restore again:

            cat > /etc/apt/sources.list.d/trixie.sources <<'EOF'
            Types: deb
            URIs: http://deb.debian.org/debian
            Suites: trixie
            Components: main
            Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
            EOF
            cat > /etc/apt/preferences.d/trixie-pin <<'EOF'
            Package: *
            Pin: release n=trixie
            Pin-Priority: 100
            EOF
            apt-get update
            DEBIAN_FRONTEND=noninteractive apt-get install -y -t trixie docker.io docker-buildx docker-compose containerd
            mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
            grep -v -e '^#' -e '^$' /usr/lib/binfmt.d/qemu-aarch64.conf > /proc/sys/fs/binfmt_misc/register
            """,
            plan.Instructions(plan.WhyNotHere(state, noInstall: false)!));
    }

    [Fact]
    public void A_manual_step_prints_as_a_comment()
    {
        var plan = SetupPlanner.Plan(Fresh with { Os = Fedora, Emulators = [] });
        Assert.StartsWith("# install the Docker engine ≥ 24.0 with buildx ≥ 0.12 and compose ≥ 2.20", plan.Steps[0].ShellText);
    }

    [Fact]
    public void One_more_package_is_planned_from_the_release()
    {
        var plan = SetupPlanner.PlanPackage(Ready, "debootstrap", "to make debian:bookworm-slim");
        Assert.Equal(["apt-get update", "DEBIAN_FRONTEND=noninteractive apt-get install -y debootstrap"], Commands(plan));
        Assert.Equal(["debootstrap is not installed (needed to make debian:bookworm-slim)"], plan.Problems);
        Assert.IsType<ManualStep>(Assert.Single(SetupPlanner.PlanPackage(Ready with { Os = Fedora }, "debootstrap", "x").Steps));
    }
}
