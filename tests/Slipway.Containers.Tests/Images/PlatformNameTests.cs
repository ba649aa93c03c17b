using Slipway.Containers.Images;
using Slipway.Containers.Machine.Checks;

namespace Slipway.Containers.Tests.Images;

public class PlatformNameTests
{
    private static readonly PlatformName Amd64 = PlatformName.Parse("linux/amd64");

    [Theory]
    [InlineData("linux/arm64", "qemu-aarch64", "arm64")]
    [InlineData("linux/amd64", "qemu-x86_64", "amd64")]
    [InlineData("linux/arm/v7", "qemu-arm", "armhf")]
    [InlineData("linux/arm/v6", "qemu-arm", "armel")]
    [InlineData("linux/386", "qemu-i386", "i386")]
    [InlineData("linux/ppc64le", "qemu-ppc64le", "ppc64el")]
    [InlineData("linux/riscv64", "qemu-riscv64", "riscv64")]
    [InlineData("linux/s390x", "qemu-s390x", "s390x")]
    public void Names_the_architecture_as_QEMU_and_Debian_do(string platform, string handler, string debian)
    {
        var parsed = PlatformName.Parse(platform);
        Assert.Equal(handler, parsed.QemuHandler);
        Assert.Equal(debian, parsed.DebianArchitecture);
        Assert.Equal(platform, parsed.ToString());
    }

    [Theory]
    [InlineData("windows/amd64")]
    [InlineData("plan9/x")]
    [InlineData("linux/z80")]
    public void Only_Linux_platforms_buildx_and_QEMU_know_are_platforms(string platform) =>
        Assert.StartsWith($"'{platform}' is not a platform Slipway builds: expected linux/ and one of amd64, arm64,", Assert.Throws<FormatException>(() => PlatformName.Parse(platform)).Message);

    [Fact]
    public void A_platform_Debian_does_not_port_to_has_no_Debian_name() => Assert.Null(PlatformName.Parse("linux/loong64").DebianArchitecture);

    [Theory]
    [InlineData("linux/amd64", true)]
    [InlineData("linux/386", true)]
    [InlineData("linux/arm64", false)]
    public void Knows_what_an_amd64_machine_runs_without_an_emulator(string platform, bool native) =>
        Assert.Equal(native, PlatformName.Parse(platform).RunsNativelyOn(Amd64));

    [Theory]
    [InlineData("arm64")]
    [InlineData("linux/")]
    [InlineData("linux/arm/v7/x")]
    [InlineData("")]
    public void Rejects_what_is_not_a_platform(string text)
    {
        var e = Assert.Throws<FormatException>(() => PlatformName.Parse(text));
        Assert.Contains("os/architecture", e.Message);
    }

    [Fact]
    public void Parsing_is_case_and_space_insensitive() => Assert.Equal(PlatformName.Parse("linux/arm64"), PlatformName.Parse(" Linux/ARM64 "));
}

public class BuildxPlatformsTests
{
    [Fact]
    public void Reads_the_platforms_of_every_node()
    {
        const string output = """
            Name:          default
            Driver:        docker

            Nodes:
            Name:             default
            Endpoint:         default
            Status:           running
            BuildKit version: v0.13.1
            Platforms:        linux/amd64, linux/amd64/v2, linux/arm64*
            Name:             other
            Platforms:        linux/riscv64
            """;
        var platforms = BuildxPlatforms.Parse(output);
        Assert.Equal(4, platforms.Count);
        Assert.Contains(PlatformName.Parse("linux/arm64"), platforms);
        Assert.Contains(PlatformName.Parse("linux/riscv64"), platforms);
        Assert.DoesNotContain(PlatformName.Parse("linux/s390x"), platforms);
    }

    [Fact]
    public void No_platforms_line_means_none() => Assert.Empty(BuildxPlatforms.Parse("ERROR: no builder"));

    [Theory]
    [InlineData("linux/arm/v7", "linux", "arm", "v7", "linux-arm-v7")]
    [InlineData("linux/amd64", "linux", "amd64", null, "linux-amd64")]
    public void A_recorded_platform_is_read_as_it_is_and_named_in_files_by_its_slug(string text, string os, string architecture, string? variant, string slug)
    {
        var platform = PlatformName.Of(text);
        Assert.Equal((os, architecture, variant, slug), (platform.Os, platform.Architecture, platform.Variant, platform.Slug));
        Assert.Equal(text, platform.ToString());
    }

    [Fact]
    public void An_OCI_platform_object_is_read_with_an_empty_variant_as_none()
    {
        Assert.Equal("linux/arm64", PlatformName.FromOci(System.Text.Json.Nodes.JsonNode.Parse("""{"os":"linux","architecture":"arm64","variant":""}"""))!.ToString());
        Assert.Null(PlatformName.FromOci(System.Text.Json.Nodes.JsonNode.Parse("""{"architecture":"arm64"}""")));
    }

    [Fact]
    public void This_machine_is_a_Linux_platform_Slipway_builds() => Assert.Equal(PlatformName.Native, PlatformName.Parse(PlatformName.Native.ToString()));
}
