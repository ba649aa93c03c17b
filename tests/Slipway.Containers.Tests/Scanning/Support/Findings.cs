using Slipway.Containers.Scanning.Findings;

namespace Slipway.Containers.Tests.Scanning.Support;

internal static class Findings
{
    public static Finding Of(string id, Severity severity, string? fixedVersion = "2.0", string service = "api", string platform = "linux/amd64",
        string package = "libfoo", IReadOnlyList<string>? aliases = null) => new()
    {
        AdvisoryId = id,
        Aliases = aliases ?? [],
        Summary = $"{id} in {package}",
        Severity = severity,
        FixedVersion = fixedVersion,
        Url = $"https://osv.dev/vulnerability/{id}",
        Service = service,
        Reference = $"acme/{service}:sha-1234567",
        Platform = platform,
        Ecosystem = "Debian",
        PackageName = package,
        InstalledVersion = "1.0",
        Purl = $"pkg:deb/debian/{package}@1.0?arch=amd64",
        Location = "var/lib/dpkg/status",
        Source = "builtin",
    };
}
