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

    private static readonly SetupRequest SinglePlatform = new();
    private static readonly SetupRequest MultiPlatform = new() { NeedsContainerdImageStore = true };
    private static readonly SetupRequest MultiPlatformWithConsent = MultiPlatform with { MayChangeEngine = true };

    private const string DaemonJsonWrite = "cat > /etc/docker/daemon.json <<'EOF'\n{\n  \"features\": {\n    \"containerd-snapshotter\": true\n  }\n}\nEOF";
    private const string StopByPid = "kill $(cat /var/run/docker.pid) && while [ -e /var/run/docker.pid ]; do sleep 1; done";
    private const string StartDockerd = "setsid -f dockerd >>/var/log/dockerd.log 2>&1 </dev/null";

    private static List<string> Commands(SetupPlan plan) => plan.Steps.Select(s => s.ShellText).ToList();

    [Fact]
    public void A_ready_machine_needs_nothing()
    {
        foreach (var request in new[] { SinglePlatform, MultiPlatform })
        {
            var plan = SetupPlanner.Plan(Ready, request);
            Assert.True(plan.IsEmpty);
            Assert.Empty(plan.Packages);
            Assert.Null(plan.ConsentNeeded);
        }
    }

    [Fact]
    public void A_fresh_bookworm_machine_gets_Docker_selected_from_trixie_package_by_package_QEMU_binfmt_the_containerd_store_and_a_running_engine()
    {
        var plan = SetupPlanner.Plan(Fresh, SinglePlatform);

        Assert.Equal(
        [
            DaemonJsonWrite,
            "cat > /etc/apt/sources.list.d/trixie.sources <<'EOF'\nTypes: deb\nURIs: http://deb.debian.org/debian\nSuites: trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\nEOF",
            "cat > /etc/apt/preferences.d/trixie-pin <<'EOF'\nPackage: *\nPin: release n=trixie\nPin-Priority: 100\nEOF",
            "apt-get update",
            "DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends docker.io/trixie docker-cli/trixie containerd/trixie docker-buildx/trixie docker-compose/trixie qemu-user-static",
            "mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc",
            "grep -v -e '^#' -e '^$' /usr/lib/binfmt.d/qemu-aarch64.conf > /proc/sys/fs/binfmt_misc/register",
            StartDockerd,
        ], Commands(plan));
        Assert.Equal(["docker.io", "docker-cli", "containerd", "docker-buildx", "docker-compose", "qemu-user-static"], plan.Packages);
        Assert.Contains("the Docker engine (dockerd) is not installed", plan.Problems);
        Assert.Contains("docker buildx is not installed (need ≥ 0.12)", plan.Problems);
        Assert.Contains("no binfmt handler for linux/arm64 (qemu-aarch64): its binaries cannot run here", plan.Problems);
        Assert.Null(plan.ConsentNeeded);
        Assert.Null(plan.WhyNotHere(Fresh, noInstall: false));
    }

    [Fact]
    public void No_plan_ever_raises_a_whole_release_with_t()
    {
        var states = new[] { Fresh, Fresh with { Os = Trixie }, Fresh with { Os = Noble }, Ready with { Buildx = null }, Ready with { Compose = null } };
        foreach (var state in states)
            Assert.All(SetupPlanner.Plan(state, MultiPlatform).Steps.OfType<AptInstallStep>(), step => Assert.DoesNotContain("-t", step.Arguments));
    }

    [Fact]
    public void A_machine_with_its_own_docker_CLI_still_gets_the_packaged_engine_and_plugins()
    {
        var plan = SetupPlanner.Plan(Fresh with { DockerCliInstalled = true, Emulators = [] }, SinglePlatform);
        Assert.Contains("DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends docker.io/trixie docker-cli/trixie containerd/trixie docker-buildx/trixie docker-compose/trixie", Commands(plan));
        Assert.DoesNotContain("the docker CLI is not installed", plan.Problems);
    }

    [Fact]
    public void On_trixie_Docker_comes_from_the_release_itself()
    {
        var plan = SetupPlanner.Plan(Fresh with { Os = Trixie, Emulators = [] }, SinglePlatform);
        Assert.Equal(
        [
            DaemonJsonWrite,
            "apt-get update",
            "DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends docker.io docker-cli containerd docker-buildx docker-compose",
            StartDockerd,
        ], Commands(plan));
    }

    [Fact]
    public void On_Ubuntu_Docker_comes_from_the_release_and_compose_is_docker_compose_v2()
    {
        var plan = SetupPlanner.Plan(Fresh with { Os = Noble, Emulators = [] }, SinglePlatform);
        Assert.Contains("DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends docker.io docker-buildx docker-compose-v2", Commands(plan));
        Assert.DoesNotContain(plan.Steps, s => s is WriteFileStep { Path: AptPackages.TrixieSourcesFile });
    }

    [Fact]
    public void A_missing_plugin_is_installed_alone_without_touching_the_engine()
    {
        var plan = SetupPlanner.Plan(Ready with { Compose = null }, MultiPlatform);
        Assert.Equal(["docker compose is not installed (need ≥ 2.20)"], plan.Problems);
        Assert.Equal("DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends docker-compose/trixie", Commands(plan)[^1]);
        Assert.DoesNotContain(plan.Steps, s => s is StopDockerdStep or StartDockerdStep);
        Assert.DoesNotContain(plan.Steps, s => s is WriteFileStep { Path: DaemonJson.Path });
    }

    [Theory]
    [InlineData("buildx", "docker buildx is 0.11.2, older than 0.12", "# upgrade docker buildx to 0.12 or later (Restore never replaces an installed package)")]
    [InlineData("compose", "docker compose is 2.19.1, older than 2.20", "# upgrade docker compose to 2.20 or later (Restore never replaces an installed package)")]
    [InlineData("engine", "the Docker engine is 20.10.24, older than 24.0", "# upgrade the Docker engine to 24.0 or later (Restore never replaces an installed package)")]
    public void An_installed_tool_that_is_too_old_is_left_to_the_user_and_the_engine_not_restarted(string tool, string problem, string step)
    {
        var state = tool switch
        {
            "buildx" => Ready with { Buildx = new Version(0, 11, 2) },
            "compose" => Ready with { Compose = new Version(2, 19, 1) },
            _ => Ready with { Engine = new Version(20, 10, 24) },
        };
        var plan = SetupPlanner.Plan(state, SinglePlatform);
        Assert.Equal([problem], plan.Problems);
        Assert.Equal([step], Commands(plan));
        Assert.Equal("some steps have no command Restore knows", plan.WhyNotHere(state, noInstall: false));
    }

    [Fact]
    public void A_single_platform_run_takes_the_classic_image_store_as_it_is()
    {
        var state = Ready with { ContainerdImageStore = false, DaemonJson = null };
        Assert.True(SetupPlanner.Plan(state, SinglePlatform).IsEmpty);
        Assert.True(SetupPlanner.Plan(state, SinglePlatform with { MayChangeEngine = true }).IsEmpty);
    }

    [Fact]
    public void A_multi_platform_run_on_a_running_classic_engine_needs_consent_and_says_what_it_would_do()
    {
        var state = Ready with { ContainerdImageStore = false, DaemonJson = """{"log-level":"warn","features":{"buildkit":true}}""" };
        var plan = SetupPlanner.Plan(state, MultiPlatform);

        Assert.Equal(["the engine uses the classic image store, and loading images for more than one platform needs the containerd image store"], plan.Problems);
        var write = Assert.IsType<WriteFileStep>(plan.Steps[0]);
        Assert.Equal("/etc/docker/daemon.json", write.Path);
        Assert.Contains("\"log-level\": \"warn\"", write.Content);
        Assert.Contains("\"buildkit\": true", write.Content);
        Assert.True(DaemonJson.EnablesContainerdSnapshotter(write.Content));
        Assert.Equal([StopByPid, StartDockerd], Commands(plan)[1..]);

        Assert.Equal("switching the engine to the containerd image store hides every image of its classic store, and restarting it stops its running containers", plan.ConsentNeeded);
        Assert.Equal(
            "switching the engine to the containerd image store hides every image of its classic store, and restarting it stops its running containers; "
            + "Restore does that only when you allow it with --allow-engine-restart (CI=true implies it)",
            plan.WhyNotHere(state, noInstall: false));
    }

    [Fact]
    public void With_consent_the_classic_engine_is_switched_and_restarted()
    {
        var state = Ready with { ContainerdImageStore = false, DaemonJson = null };
        var plan = SetupPlanner.Plan(state, MultiPlatformWithConsent);
        Assert.Null(plan.ConsentNeeded);
        Assert.Null(plan.WhyNotHere(state, noInstall: false));
        Assert.Equal([DaemonJsonWrite, StopByPid, StartDockerd], Commands(plan));
    }

    [Fact]
    public void A_daemon_json_that_already_asks_for_the_store_only_needs_a_restart_and_still_consent()
    {
        var plan = SetupPlanner.Plan(Ready with { ContainerdImageStore = false }, MultiPlatform);
        Assert.Equal([typeof(StopDockerdStep), typeof(StartDockerdStep)], plan.Steps.Select(s => s.GetType()));
        Assert.NotNull(plan.ConsentNeeded);
    }

    [Fact]
    public void An_installed_engine_that_does_not_answer_is_started_with_systemd_where_it_is_init()
    {
        var plan = SetupPlanner.Plan(Ready with { Engine = null, ContainerdImageStore = null, HasSystemd = true }, MultiPlatform);
        Assert.Equal(["the Docker engine does not answer"], plan.Problems);
        Assert.Equal(["systemctl enable --now docker"], Commands(plan));
        Assert.Null(plan.ConsentNeeded);
    }

    [Fact]
    public void A_stopped_classic_engine_is_started_as_it_is_for_one_platform_and_switched_only_with_consent_for_more()
    {
        var state = Ready with { Engine = null, ContainerdImageStore = null, DaemonJson = null };
        Assert.Equal([StartDockerd], Commands(SetupPlanner.Plan(state, SinglePlatform)));

        var plan = SetupPlanner.Plan(state, MultiPlatform);
        Assert.Equal([DaemonJsonWrite, StartDockerd], Commands(plan));
        Assert.Equal("switching the engine to the containerd image store hides every image of its classic store", plan.ConsentNeeded);
    }

    [Fact]
    public void An_engine_at_another_DOCKER_HOST_is_never_installed_restarted_or_reconfigured_by_Restore()
    {
        var remote = Ready with { OtherEngine = "unix:///run/docker-classic.sock", ContainerdImageStore = false, DaemonJson = null };
        Assert.True(SetupPlanner.Plan(remote, SinglePlatform).IsEmpty);

        var plan = SetupPlanner.Plan(remote, MultiPlatformWithConsent);
        Assert.Equal(["# turn on the containerd image store of the engine at unix:///run/docker-classic.sock (\"features\": {\"containerd-snapshotter\": true} in its daemon.json) and restart it"], Commands(plan));
        Assert.Equal("some steps have no command Restore knows", plan.WhyNotHere(remote, noInstall: false));

        var silent = SetupPlanner.Plan(Fresh with { OtherEngine = "tcp://builder:2376", Emulators = [] }, SinglePlatform);
        Assert.DoesNotContain(silent.Steps.OfType<AptInstallStep>().SelectMany(s => s.Packages), p => p.Name == "docker.io");
        Assert.Contains("the Docker engine at tcp://builder:2376 (DOCKER_HOST) does not answer", silent.Problems);
        Assert.Equal("# start the Docker engine at tcp://builder:2376, or unset DOCKER_HOST to use this machine's own", Commands(silent)[^1]);
    }

    [Fact]
    public void A_disabled_handler_is_enabled_and_an_installed_but_unregistered_one_registered_without_packages()
    {
        var arm = PlatformName.Parse("linux/arm/v7");
        var state = Ready with
        {
            Emulators = [new EmulatorState(Arm64, EmulatorStatus.Disabled, true), new EmulatorState(arm, EmulatorStatus.Missing, true)],
        };
        var plan = SetupPlanner.Plan(state, MultiPlatform);
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
        var plan = SetupPlanner.Plan(state, SinglePlatform);
        Assert.Equal(2, plan.Steps.OfType<ManualStep>().Count());
        Assert.Empty(plan.Steps.OfType<AptInstallStep>());
        Assert.Equal("Restore installs only on Debian (12 or later) and Ubuntu, and this is Fedora Linux 40", plan.WhyNotHere(state, noInstall: false));
        Assert.Equal("Restore installs only on Debian (12 or later) and Ubuntu, and this is not Linux", plan.WhyNotHere(state with { Os = null }, noInstall: false));
    }

    [Fact]
    public void Not_root_or_no_install_means_nothing_is_run()
    {
        var plan = SetupPlanner.Plan(Fresh, SinglePlatform);
        Assert.Equal("Restore is not running as root", plan.WhyNotHere(Fresh with { IsRoot = false }, noInstall: false));
        Assert.Equal("--no-install is set", plan.WhyNotHere(Fresh, noInstall: true));
    }

    [Fact]
    public void The_instructions_list_the_problems_the_reason_and_the_exact_commands()
    {
        var state = Ready with { IsRoot = false, Buildx = null, BinfmtMounted = false, Emulators = [new EmulatorState(Arm64, EmulatorStatus.Missing, true)] };
        var plan = SetupPlanner.Plan(state, MultiPlatform);
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
            DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends docker-buildx/trixie
            mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
            grep -v -e '^#' -e '^$' /usr/lib/binfmt.d/qemu-aarch64.conf > /proc/sys/fs/binfmt_misc/register
            """,
            plan.Instructions(plan.WhyNotHere(state, noInstall: false)!));
    }

    [Fact]
    public void Without_consent_the_instructions_give_the_reason_the_commands_and_the_parameter()
    {
        var state = Ready with { ContainerdImageStore = false, DaemonJson = """{"features":{"containerd-snapshotter":true}}""" };
        var plan = SetupPlanner.Plan(state, MultiPlatform);
        Assert.Equal(
            """
            This machine is not ready to build the stack:
              - the engine uses the classic image store, and loading images for more than one platform needs the containerd image store
            Restore changed nothing because switching the engine to the containerd image store hides every image of its classic store, and restarting it stops its running containers; Restore does that only when you allow it with --allow-engine-restart (CI=true implies it). Run these commands as root, then run Restore again:

            kill $(cat /var/run/docker.pid) && while [ -e /var/run/docker.pid ]; do sleep 1; done
            setsid -f dockerd >>/var/log/dockerd.log 2>&1 </dev/null
            """,
            plan.Instructions(plan.WhyNotHere(state, noInstall: false)!));
    }

    [Fact]
    public void A_manual_step_prints_as_a_comment()
    {
        var plan = SetupPlanner.Plan(Fresh with { Os = Fedora, Emulators = [] }, SinglePlatform);
        Assert.StartsWith("# install the Docker engine ≥ 24.0 with buildx ≥ 0.12 and compose ≥ 2.20", plan.Steps[^2].ShellText);
    }

    [Fact]
    public void More_packages_are_planned_from_the_release_and_cosign_from_trixie_on_bookworm()
    {
        var plan = SetupPlanner.PlanPackages(Ready, [new AptPackage("debootstrap")], "to make debian:bookworm-slim");
        Assert.Equal(["apt-get update", "DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends debootstrap"], Commands(plan));
        Assert.Equal(["debootstrap is not installed (needed to make debian:bookworm-slim)"], plan.Problems);
        Assert.IsType<ManualStep>(Assert.Single(SetupPlanner.PlanPackages(Ready with { Os = Fedora }, [new AptPackage("debootstrap")], "x").Steps));

        var cosign = SetupPlanner.PlanPackages(Ready, [AptPackages.Newer(Bookworm, "cosign"), new AptPackage("skopeo")], "to sign");
        Assert.Equal("DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends cosign/trixie skopeo", Commands(cosign)[^1]);
        Assert.Equal(["cosign, skopeo are not installed (needed to sign)"], cosign.Problems);
        Assert.Equal("DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends cosign",
            Commands(SetupPlanner.PlanPackages(Ready with { Os = Trixie }, [AptPackages.Newer(Trixie, "cosign")], "to sign"))[^1]);
    }
}
