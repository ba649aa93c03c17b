namespace Slipway.Containers.Publishing.Verification;

/// <summary>One service's tags to verify.</summary>
public sealed record ServiceTags(string Service, IReadOnlyList<string> Tags);

/// <summary>Everything VerifyImages found: per index digest the verdict, and the tags that name nothing.</summary>
public sealed record VerificationResult(string Registry, string Trusted, IReadOnlyList<DigestVerification> Digests, IReadOnlyList<string> MissingTags)
{
    public IReadOnlyList<string> Problems => MissingTags.Concat(Digests.SelectMany(d => d.Problems)).ToList();

    public bool Passed => Problems.Count == 0;
}
