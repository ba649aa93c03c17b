using Slipway.Containers.Images;
using Slipway.Containers.Machine.BaseImages;

namespace Slipway.Containers.Tests.Machine;

public class BaseImageNeedsTests
{
    private static readonly PlatformName Amd64 = PlatformName.Parse("linux/amd64");
    private static readonly PlatformName Arm64 = PlatformName.Parse("linux/arm64");

    [Fact]
    public void Groups_by_image_with_the_platforms_each_FROM_needs_and_the_Dockerfiles_naming_it()
    {
        var needs = BaseImageNeeds.Collect(
        [
            ("/s/api/Dockerfile", new FromImage("debian:bookworm-slim", null, 1)),
            ("/s/db/Dockerfile", new FromImage("debian:bookworm-slim", "$TARGETPLATFORM", 1)),
            ("/s/web/Dockerfile", new FromImage("node:20", "$BUILDPLATFORM", 1)),
            ("/s/web/Dockerfile", new FromImage("busybox", "linux/arm64", 5)),
        ], [Amd64, Arm64], Amd64);

        Assert.Equal(["busybox", "debian:bookworm-slim", "node:20"], needs.Select(n => n.Image));
        Assert.Equal([Arm64], needs[0].Platforms);
        Assert.Equal([Amd64, Arm64], needs[1].Platforms);
        Assert.Equal(["/s/api/Dockerfile", "/s/db/Dockerfile"], needs[1].Dockerfiles);
        Assert.Equal([Amd64], needs[2].Platforms);
    }

    [Theory]
    [InlineData("debian:bookworm-slim", "bookworm")]
    [InlineData("docker.io/library/debian:trixie-slim", "trixie")]
    [InlineData("library/debian:bullseye-slim", "bullseye")]
    [InlineData("debian:bookworm", null)]
    [InlineData("debian:12-slim", null)]
    [InlineData("debian@sha256:0123", null)]
    [InlineData("mirror.local/library/debian:bookworm-slim", null)]
    [InlineData("ubuntu:noble", null)]
    public void Recognises_the_Debian_images_it_can_seed(string image, string? suite) => Assert.Equal(suite, DebianSlim.Suite(image));

    [Fact]
    public void The_seed_tarballs_are_named_as_the_seed_Dockerfile_asks_for_them()
    {
        Assert.Equal("rootfs-arm64.tar", DebianSeeder.TarballName(Arm64));
        Assert.Equal("rootfs-armv7.tar", DebianSeeder.TarballName(PlatformName.Parse("linux/arm/v7")));
        Assert.Contains("ADD rootfs-${TARGETARCH}${TARGETVARIANT}.tar /", DebianSeeder.Dockerfile);
        Assert.Empty(DockerfileFroms.Parse(DebianSeeder.Dockerfile).Images);
    }
}
