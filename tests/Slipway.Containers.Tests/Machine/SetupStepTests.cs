using Slipway.Build.Processes;
using Slipway.Containers.Machine.Setup;

namespace Slipway.Containers.Tests.Machine;

public class SetupStepTests
{
    [Theory]
    [InlineData("docker.io", "docker.io")]
    [InlineData("n=trixie", "n=trixie")]
    [InlineData("two words", "'two words'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("$HOME", "'$HOME'")]
    [InlineData("", "''")]
    public void Quotes_words_only_when_the_shell_needs_it(string word, string quoted) => Assert.Equal(quoted, ShellQuoting.Quote(word));

    [Fact]
    public void A_one_line_file_is_written_with_echo_and_a_longer_one_with_a_heredoc()
    {
        Assert.Equal("echo 1 > /proc/sys/fs/binfmt_misc/qemu-aarch64", new WriteFileStep("enable", "/proc/sys/fs/binfmt_misc/qemu-aarch64", "1").ShellText);
        Assert.Equal("cat > /tmp/a <<'EOF'\nx\ny\nEOF", new WriteFileStep("write", "/tmp/a", "x\ny\n").ShellText);
    }

    [Fact]
    public void An_apt_install_selects_each_packages_release_by_name_without_recommends()
    {
        var step = new AptInstallStep("install", [new AptPackage("docker.io", "trixie"), new AptPackage("qemu-user-static")]);
        Assert.Equal("DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends docker.io/trixie qemu-user-static", step.ShellText);
        Assert.Equal(["-s", "install", "-y", "--no-install-recommends", "docker.io/trixie", "qemu-user-static"], step.SimulateArguments);
    }

    [Fact]
    public void The_engine_is_started_and_stopped_with_systemctl_where_systemd_runs()
    {
        Assert.Equal("systemctl enable --now docker", new StartDockerdStep("start", UseSystemd: true).ShellText);
        Assert.Equal("systemctl stop docker", new StopDockerdStep("stop", UseSystemd: true).ShellText);
    }
}
