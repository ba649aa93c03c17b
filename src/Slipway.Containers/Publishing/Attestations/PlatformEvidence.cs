using System.Text.Json.Nodes;

namespace Slipway.Containers.Publishing.Attestations;

/// <summary>
/// What ScanImages found out about one platform manifest of a service: its CycloneDX SBOM (the file, attested as is)
/// and cosign's vulnerability predicate made from its scan result.
/// </summary>
public sealed record PlatformEvidence(string Service, string Platform, string ManifestDigest, string SbomFile, JsonObject VulnPredicate);

/// <summary>Where the scan ran, for the vulnerability predicate's <c>invocation</c>: a workflow run's address and id, or nothing locally.</summary>
public sealed record ScanInvocation(string Uri, string EventId, string BuilderId)
{
    public static ScanInvocation From(IReadOnlyDictionary<string, string> environment)
    {
        if (environment.GetValueOrDefault("GITHUB_RUN_ID") is not { Length: > 0 } run) return new ScanInvocation("", "", "");
        var server = environment.GetValueOrDefault("GITHUB_SERVER_URL") ?? "https://github.com";
        var repository = environment.GetValueOrDefault("GITHUB_REPOSITORY") ?? "";
        return new ScanInvocation($"{server.TrimEnd('/')}/{repository}/actions/runs/{run}", run, environment.GetValueOrDefault("GITHUB_WORKFLOW_REF") ?? "");
    }
}
