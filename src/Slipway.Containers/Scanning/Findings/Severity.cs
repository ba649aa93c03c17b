namespace Slipway.Containers.Scanning.Findings;

/// <summary>Severity levels as Trivy and GitHub name them; the policy threshold is one of these.</summary>
public enum Severity
{
    Unknown,
    Low,
    Medium,
    High,
    Critical,
}

public static class Severities
{
    /// <summary>Reads the level names advisory sources use (GHSA's MODERATE, Debian's "unimportant"…); null when unrecognized.</summary>
    public static Severity? Parse(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "CRITICAL" => Severity.Critical,
        "HIGH" or "IMPORTANT" => Severity.High,
        "MEDIUM" or "MODERATE" => Severity.Medium,
        "LOW" or "NEGLIGIBLE" or "UNIMPORTANT" or "MINOR" => Severity.Low,
        "UNKNOWN" or "NONE" => Severity.Unknown,
        _ => null,
    };

    /// <summary>CVSS's qualitative rating of a base score.</summary>
    public static Severity FromScore(double score) => score switch
    {
        >= 9.0 => Severity.Critical,
        >= 7.0 => Severity.High,
        >= 4.0 => Severity.Medium,
        > 0 => Severity.Low,
        _ => Severity.Unknown,
    };

    /// <summary>A score in the severity's band, for consumers that need a number (SARIF's security-severity) when no CVSS score is known.</summary>
    public static double RepresentativeScore(Severity severity) => severity switch
    {
        Severity.Critical => 9.5,
        Severity.High => 8.0,
        Severity.Medium => 5.5,
        Severity.Low => 2.0,
        _ => 0.0,
    };

    public static string Label(this Severity severity) => severity.ToString().ToUpperInvariant();
}
