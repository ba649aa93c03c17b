using System.Text.Json.Nodes;

namespace Slipway.Containers.Images;

/// <summary>
/// An OCI platform such as <c>linux/arm64</c> or <c>linux/arm/v7</c>, and the names other tools give its architecture:
/// QEMU's binfmt handler (<c>qemu-aarch64</c>) and Debian's (<c>arm64</c>, <c>armhf</c>).
/// </summary>
public sealed record PlatformName(string Os, string Architecture, string? Variant)
{
    /// <summary>The Linux architectures buildx builds for and QEMU emulates.</summary>
    public static readonly IReadOnlyList<string> Architectures = ["amd64", "arm64", "arm", "386", "ppc64le", "s390x", "riscv64", "mips64le", "loong64"];

    public static PlatformName Parse(string platform)
    {
        var parts = platform.Trim().ToLowerInvariant().Split('/');
        var parsed = parts switch
        {
            [var os, var arch] when os.Length > 0 && arch.Length > 0 => new PlatformName(os, arch, null),
            [var os, var arch, var variant] when os.Length > 0 && arch.Length > 0 && variant.Length > 0 => new PlatformName(os, arch, variant),
            _ => throw new FormatException($"'{platform}' is not a platform: expected os/architecture[/variant], e.g. linux/arm64."),
        };
        if (parsed.Os != "linux" || !Architectures.Contains(parsed.Architecture))
            throw new FormatException($"'{platform}' is not a platform Slipway builds: expected linux/ and one of {string.Join(", ", Architectures)}, e.g. linux/arm64.");
        return parsed;
    }

    /// <summary>True when a machine of the given platform runs this one's binaries without an emulator.</summary>
    public bool RunsNativelyOn(PlatformName host) =>
        Os == host.Os && (Architecture == host.Architecture || (host.Architecture, Architecture) is ("amd64", "386") or ("arm64", "arm"));

    /// <summary>The name of QEMU's binfmt handler for this architecture, e.g. <c>qemu-aarch64</c>.</summary>
    public string QemuHandler => "qemu-" + Architecture switch
    {
        "amd64" => "x86_64",
        "arm64" => "aarch64",
        "386" => "i386",
        "mips64le" => "mips64el",
        "loong64" => "loongarch64",
        var other => other,
    };

    /// <summary>Debian's name for the architecture (what debootstrap's --arch takes), or null when Debian has no such port.</summary>
    public string? DebianArchitecture => Architecture switch
    {
        "amd64" or "arm64" or "s390x" or "riscv64" => Architecture,
        "arm" => Variant is null or "v7" ? "armhf" : "armel",
        "386" => "i386",
        "ppc64le" => "ppc64el",
        "mips64le" => "mips64el",
        _ => null,
    };

    /// <summary>A platform recorded by Slipway or a tool (images.json, an index), taken as it is: <c>os/architecture[/variant]</c>.</summary>
    public static PlatformName Of(string platform)
    {
        var parts = platform.Split('/');
        return new PlatformName(parts[0], parts.ElementAtOrDefault(1) ?? "unknown", parts.ElementAtOrDefault(2));
    }

    /// <summary>An OCI descriptor's or image config's platform (<c>os</c>, <c>architecture</c>, <c>variant</c>); null when it names none.</summary>
    public static PlatformName? FromOci(JsonNode? platform) =>
        platform?["os"]?.GetValue<string>() is { } os && platform["architecture"]?.GetValue<string>() is { } architecture
            ? new PlatformName(os, architecture, platform["variant"]?.GetValue<string>() is { Length: > 0 } variant ? variant : null)
            : null;

    /// <summary>This machine's own platform.</summary>
    public static PlatformName Native => new("linux", System.Runtime.InteropServices.RuntimeInformation.OSArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
        System.Runtime.InteropServices.Architecture.X64 => "amd64",
        var other => other.ToString().ToLowerInvariant(),
    }, null);

    /// <summary>The platform in a file or folder name: <c>linux/arm64</c> → <c>linux-arm64</c>.</summary>
    public string Slug => ToString().Replace('/', '-');

    public override string ToString() => Variant is null ? $"{Os}/{Architecture}" : $"{Os}/{Architecture}/{Variant}";
}
