namespace Slipway.Build.Workflows.Rehearsal;

/// <summary>
/// The local facts a rehearsal stands in for GitHub's with: the event and ref being rehearsed, the commit, the repository
/// and actor, this machine's platform and the platforms to emulate, and the inputs, variables and secrets given.
/// </summary>
public sealed record RehearsalContext
{
    /// <summary><c>push</c> or <c>workflow_dispatch</c>.</summary>
    public required string EventName { get; init; }

    /// <summary><c>refs/heads/main</c>, <c>refs/tags/v1.2.3</c>.</summary>
    public required string Ref { get; init; }

    public required string Sha { get; init; }

    /// <summary><c>owner/name</c>.</summary>
    public required string Repository { get; init; }

    public required string Actor { get; init; }

    /// <summary>The branch the repository calls its default (the event payload's repository.default_branch).</summary>
    public string DefaultBranch { get; init; } = "main";

    /// <summary>This machine's platform, e.g. <c>linux/amd64</c>.</summary>
    public required string NativePlatform { get; init; }

    /// <summary>Other platforms whose matrix legs run here under QEMU.</summary>
    public IReadOnlySet<string> EmulatedPlatforms { get; init; } = new HashSet<string>();

    public IReadOnlyDictionary<string, string> Inputs { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>Secret values by name; a secret not given reads as empty, as GitHub reads one that isn't set.</summary>
    public IReadOnlyDictionary<string, string> Secrets { get; init; } = new Dictionary<string, string>();

    public string RunId { get; init; } = "1";
    public string ServerUrl { get; init; } = "https://github.com";

    public string Owner => Repository.Split('/')[0];

    /// <summary>The ref's short name: <c>main</c>, <c>v1.2.3</c>.</summary>
    public string RefName => Ref.Split('/', 3) is ["refs", _, var name] ? name : Ref;

    public string RefType => Ref.StartsWith("refs/tags/", StringComparison.Ordinal) ? "tag" : "branch";

    /// <summary><c>X64</c> or <c>ARM64</c>, as GitHub names a runner's architecture.</summary>
    public string RunnerArch => NativePlatform.EndsWith("/arm64", StringComparison.Ordinal) ? "ARM64" : "X64";
}
