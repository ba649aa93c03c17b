using Slipway.Containers.Machine.BaseImages;

namespace Slipway.Containers.Tests.Machine;

public class DockerfileFromsTests
{
    private static IEnumerable<string> Images(string dockerfile, IReadOnlyDictionary<string, string?>? args = null) =>
        DockerfileFroms.Parse(dockerfile, args).Images.Select(i => i.Image);

    [Fact]
    public void Reads_a_plain_FROM_with_its_line()
    {
        var froms = DockerfileFroms.Parse("# base\nFROM debian:bookworm-slim\nRUN true\n");
        var image = Assert.Single(froms.Images);
        Assert.Equal(new FromImage("debian:bookworm-slim", null, 2), image);
        Assert.Empty(froms.Unresolved);
    }

    [Fact]
    public void Skips_scratch_and_earlier_stages_and_keeps_platform_flags()
    {
        var froms = DockerfileFroms.Parse("""
            FROM --platform=$BUILDPLATFORM node:20 AS web
            RUN npm ci
            from golang:1.22 as Build
            FROM web AS again
            FROM build
            FROM scratch
            COPY --from=web /out /
            FROM --platform=linux/arm64 debian:bookworm-slim
            """);
        Assert.Equal(
        [
            new FromImage("node:20", "$BUILDPLATFORM", 1),
            new FromImage("golang:1.22", null, 3),
            new FromImage("debian:bookworm-slim", "linux/arm64", 8),
        ], froms.Images);
    }

    [Fact]
    public void A_stage_named_like_its_image_is_still_an_image()
    {
        Assert.Equal(["debian:bookworm-slim"], Images("FROM debian:bookworm-slim AS debian\nFROM debian\n"));
        Assert.Equal(["debian"], Images("FROM debian AS debian\nFROM debian\n"));
    }

    [Fact]
    public void Substitutes_global_args_with_defaults_and_build_args_over_them()
    {
        const string dockerfile = """
            ARG SUITE=bookworm
            ARG REGISTRY
            ARG VARIANT="slim"
            FROM debian:${SUITE}-${VARIANT}
            FROM ${REGISTRY:-docker.io}/library/redis:$SUITE
            ARG LATE=x
            FROM alpine:${LATE}
            """;
        var froms = DockerfileFroms.Parse(dockerfile);
        Assert.Equal(["debian:bookworm-slim", "docker.io/library/redis:bookworm"], froms.Images.Select(i => i.Image));
        Assert.Equal(["line 7: FROM alpine:${LATE} (a build argument without a value)"], froms.Unresolved);

        Assert.Equal(["debian:trixie-slim", "mirror.local/library/redis:trixie"],
            Images(dockerfile, new Dictionary<string, string?> { ["SUITE"] = "trixie", ["REGISTRY"] = "mirror.local" }).Take(2));
    }

    [Fact]
    public void A_build_arg_given_without_a_value_keeps_the_default()
    {
        Assert.Equal(["debian:bookworm-slim"], Images("ARG BASE=debian:bookworm-slim\nFROM $BASE\n", new Dictionary<string, string?> { ["BASE"] = null }));
    }

    [Fact]
    public void The_plus_form_substitutes_only_when_set()
    {
        Assert.Equal(["app:1-debug", "app:1"], Images("ARG DEBUG=yes\nARG NONE\nFROM app:1${DEBUG:+-debug}\nFROM app:1${NONE:+-debug}\n"));
    }

    [Fact]
    public void Joins_continuation_lines_and_honours_the_escape_directive()
    {
        Assert.Equal(["debian:bookworm-slim"], Images("FROM \\\n  --platform=linux/amd64 \\\n  debian:bookworm-slim \\\n  AS base\n"));
        var windows = DockerfileFroms.Parse("# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022 `\n  AS base\nRUN dir C:\\\n");
        Assert.Equal(new FromImage("mcr.microsoft.com/windows/servercore:ltsc2022", null, 2), Assert.Single(windows.Images));
    }

    [Fact]
    public void Ignores_FROM_inside_heredocs_and_comments()
    {
        const string dockerfile = """
            FROM debian:bookworm-slim
            # FROM commented:out
            RUN <<EOF
            FROM not-an-instruction
            EOF
            COPY <<-"CONF" /etc/app.conf
            FROM neither
            CONF
            FROM alpine:3
            """;
        Assert.Equal(["debian:bookworm-slim", "alpine:3"], Images(dockerfile));
    }

    [Fact]
    public void Keeps_the_build_and_target_platform_arguments_unsubstituted()
    {
        var froms = DockerfileFroms.Parse("ARG BUILDPLATFORM=wrong\nFROM --platform=${BUILDPLATFORM} a\nFROM --platform=$TARGETPLATFORM b\n");
        Assert.Equal(["${BUILDPLATFORM}", "$TARGETPLATFORM"], froms.Images.Select(i => i.Platform));
    }

    [Fact]
    public void A_FROM_without_an_image_is_reported()
    {
        Assert.Equal(["line 1: FROM without an image"], DockerfileFroms.Parse("FROM --platform=linux/amd64\n").Unresolved);
    }

    [Fact]
    public void The_reference_stack_builds_on_debian_bookworm_slim_only()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/ReferenceStack"));
        var dockerfiles = Directory.GetFiles(root, "Dockerfile", SearchOption.AllDirectories).Where(f => !f.Contains("node_modules")).ToList();
        Assert.NotEmpty(dockerfiles);
        Assert.All(dockerfiles, f => Assert.Equal(["debian:bookworm-slim"], Images(File.ReadAllText(f)).Distinct()));
    }
}
