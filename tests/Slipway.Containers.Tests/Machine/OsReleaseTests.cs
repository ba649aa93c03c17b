using Slipway.Containers.Images;
using Slipway.Containers.Machine.Setup;

namespace Slipway.Containers.Tests.Machine;

public class OsReleaseTests
{
    private const string Bookworm = """
        PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
        NAME="Debian GNU/Linux"
        VERSION_ID="12"
        VERSION="12 (bookworm)"
        VERSION_CODENAME=bookworm
        ID=debian
        HOME_URL="https://www.debian.org/"
        """;

    private const string Noble = """
        PRETTY_NAME="Ubuntu 24.04.1 LTS"
        NAME="Ubuntu"
        VERSION_ID="24.04"
        VERSION_CODENAME=noble
        ID=ubuntu
        ID_LIKE=debian
        """;

    private const string Sid = "PRETTY_NAME=\"Debian GNU/Linux trixie/sid\"\nNAME=\"Debian GNU/Linux\"\nID=debian\n";

    private const string Fedora = "NAME=\"Fedora Linux\"\nVERSION_ID=40\nID=fedora\nPRETTY_NAME=\"Fedora Linux 40 (Workstation Edition)\"\n";

    [Fact]
    public void Reads_Debian_bookworm()
    {
        var os = OsRelease.Parse(Bookworm);
        Assert.True(os.IsDebian);
        Assert.Equal(12, os.DebianMajor);
        Assert.Equal("bookworm", os.VersionCodename);
        Assert.Equal("Debian GNU/Linux 12 (bookworm)", os.PrettyName);
        Assert.True(AptPackages.Supports(os));
    }

    [Fact]
    public void Reads_Ubuntu_with_its_id_like()
    {
        var os = OsRelease.Parse(Noble);
        Assert.True(os.IsUbuntu);
        Assert.False(os.IsDebian);
        Assert.Null(os.DebianMajor);
        Assert.Equal(["debian"], os.IdLike);
        Assert.True(AptPackages.Supports(os));
    }

    [Fact]
    public void Debian_testing_has_no_version_number_and_is_supported()
    {
        var os = OsRelease.Parse(Sid);
        Assert.True(os.IsDebian);
        Assert.Null(os.DebianMajor);
        Assert.True(AptPackages.Supports(os));
    }

    [Theory]
    [InlineData(Fedora)]
    [InlineData("PRETTY_NAME=\"Debian GNU/Linux 11 (bullseye)\"\nVERSION_ID=\"11\"\nID=debian\n")]
    [InlineData("ID=linuxmint\nID_LIKE=\"ubuntu debian\"\nPRETTY_NAME=\"Linux Mint 22\"\n")]
    public void Other_distributions_and_old_Debian_are_not_installed_on(string text) =>
        Assert.False(AptPackages.Supports(OsRelease.Parse(text)));

    [Fact]
    public void Ignores_comments_and_blank_lines_and_unquotes_single_quotes()
    {
        var os = OsRelease.Parse("# comment\n\nID='debian'\nPRETTY_NAME='My \"Debian\"'\n");
        Assert.Equal("debian", os.Id);
        Assert.Equal("My \"Debian\"", os.PrettyName);
    }

    [Fact]
    public void Without_ID_it_is_plain_linux() => Assert.Equal("linux", OsRelease.Parse("NAME=Something\n").Id);

    [Fact]
    public void No_os_release_file_reads_as_none() => Assert.Null(OsRelease.Read("/nonexistent/os-release"));

    [Theory]
    [InlineData(null)]
    [InlineData("NAME=Something\n")]
    [InlineData("ID=\n")]
    public void An_image_without_an_ID_has_no_known_distribution(string? text) => Assert.Null(OsRelease.TryParse(text));

    [Fact]
    public void An_image_os_release_gives_the_major_release_OSV_names()
    {
        var os = OsRelease.TryParse("ID=debian\nVERSION_ID=\"12\"\n");

        Assert.Equal("debian", os?.Id);
        Assert.Equal("12", os?.MajorVersion);
    }
}
