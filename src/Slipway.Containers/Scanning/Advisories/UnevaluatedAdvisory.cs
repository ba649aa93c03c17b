namespace Slipway.Containers.Scanning.Advisories;

/// <summary>An advisory whose ranges could not be evaluated for an installed package (no ordering for its ecosystem, or unreadable versions).</summary>
public sealed record UnevaluatedAdvisory(string AdvisoryId, string Service, string Platform, string Ecosystem, string Package, string Version)
{
    public override string ToString() => $"{AdvisoryId} ({Ecosystem} {Package} {Version} in {Service} {Platform})";
}
