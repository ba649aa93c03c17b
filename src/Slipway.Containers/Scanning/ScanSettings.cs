using Slipway.Containers.Scanning.Policy;

namespace Slipway.Containers.Scanning;

/// <summary>Which advisory backend matches the inventory.</summary>
public enum AdvisoryBackend
{
    /// <summary>trivy when it is on PATH, otherwise builtin.</summary>
    Auto,

    /// <summary>OSV advisories from --advisories and, when reachable, the OSV API.</summary>
    Builtin,

    Trivy,
}

/// <summary>Everything a scan needs besides the images: where advisories come from, the policy, where reports go.</summary>
public sealed record ScanSettings
{
    public string? AdvisoryDirectory { get; init; }

    /// <summary>The OSV API endpoint; null to use the advisory directory only.</summary>
    public Uri? OsvApi { get; init; }

    /// <summary>Builtin or Trivy; Auto is resolved by whoever knows the PATH before the scan starts.</summary>
    public AdvisoryBackend Backend { get; init; } = AdvisoryBackend.Builtin;
    public required PolicySettings Policy { get; init; }

    /// <summary>Packages that could not be checked for vulnerabilities fail the scan (--scan-fail-unchecked).</summary>
    public bool RequireChecked { get; init; }

    /// <summary>artifacts/scan.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Scratch space (trivy's reports).</summary>
    public required string WorkDirectory { get; init; }
}
