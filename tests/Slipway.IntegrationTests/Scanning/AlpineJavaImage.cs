using System.Runtime.InteropServices;
using Serilog.Core;
using Slipway.Build;
using Slipway.Build.Logging;
using Slipway.Build.Processes;
using Slipway.Containers.Images;

namespace Slipway.IntegrationTests.Scanning;

/// <summary>
/// An image built FROM scratch with what an Alpine 3.19 image says about itself (/etc/alpine-release, apk's database)
/// and a Spring Boot style fat jar in /app, built by buildx into the engine with the images.json entry BuildImages
/// would write. Alpine and Java images cannot be pulled here. Removed on dispose.
/// </summary>
public sealed class AlpineJavaImage : IAsyncLifetime
{
    /// <summary>apk's database as apk writes it: blocks of K:value lines, o: the origin (source) package.</summary>
    private const string ApkDatabase = """
        C:Q1dnp2Jm+ZVhlLKs8GWE3V4ymzFoM=
        P:musl
        V:1.2.4_git20230717-r4
        A:x86_64
        S:407278
        I:663552
        T:the musl c library (libc) implementation
        U:https://musl.libc.org/
        L:MIT
        o:musl
        m:Timo Teräs <timo.teras@iki.fi>
        t:1701371154

        P:busybox
        V:1.36.1-r15
        A:x86_64
        L:GPL-2.0-only
        o:busybox

        P:libcrypto3
        V:3.1.4-r5
        A:x86_64
        L:Apache-2.0
        o:openssl

        P:libssl3
        V:3.1.4-r5
        A:x86_64
        L:Apache-2.0
        o:openssl

        P:openssh-client-default
        V:9.6_p1-r0
        A:x86_64
        L:SSH-OpenSSH
        o:openssh

        P:zlib
        V:1.3.1-r0
        A:x86_64
        L:Zlib
        o:zlib

        """;

    private readonly string _context = Directory.CreateTempSubdirectory("slipway-scan-alpine-java-").FullName;

    public ProcessRunner Processes { get; } = new(Logger.None, new SecretMasker(), AbsolutePath.Create(Directory.GetCurrentDirectory()));
    public string Platform { get; } = "linux/" + RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => "amd64",
        Architecture.Arm64 => "arm64",
        var other => throw new PlatformNotSupportedException($"No image platform for {other}."),
    };

    public BuiltImage Image { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var docker = await Processes.RunAsync("docker", ["info", "--format", "{{.ServerVersion}}"], new ProcessOptions { Quiet = true, ThrowOnError = false });
        Assert.True(docker.Succeeded, $"These tests need a running Docker engine; `docker info` failed: {docker.StandardError}");

        var rootfs = Path.Combine(_context, "rootfs");
        Write(rootfs, "etc/alpine-release", "3.19.1\n");
        Write(rootfs, "lib/apk/db/installed", ApkDatabase);
        var jar = FatJar.Create("com.acme", "shop", "1.0.0",
            ("org.apache.logging.log4j", "log4j-core", "2.15.0-rc1"),
            ("org.apache.commons", "commons-text", "1.9"),
            ("org.yaml", "snakeyaml", "1.33"),
            ("com.google.code.gson", "gson", "2.10.1"),
            ("com.fasterxml.jackson.core", "jackson-databind", "2.15.0"),
            ("org.springframework", "spring-core", "6.0.0"));
        Directory.CreateDirectory(Path.Combine(rootfs, "app"));
        await File.WriteAllBytesAsync(Path.Combine(rootfs, "app", "shop.jar"), jar);
        await File.WriteAllTextAsync(Path.Combine(_context, "Dockerfile"), "FROM scratch\nCOPY rootfs/ /\n");

        Image = await ScanTestImage.BuildAsync(Processes, "shop", _context, Platform);
    }

    public ImagesReport Report() => ScanTestImage.Report(Platform, Image);

    private static void Write(string root, string path, string content)
    {
        var file = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
    }

    public async Task DisposeAsync()
    {
        if (Image is not null)
            await Processes.RunAsync("docker", ["image", "rm", "--force", Image.Reference], new ProcessOptions { Quiet = true, ThrowOnError = false });
        Directory.Delete(_context, recursive: true);
    }
}
