using System.Text.RegularExpressions;

namespace Slipway.Build;

/// <summary>An action's commit and the release tag that named it when it was pinned (written as a comment beside the SHA).</summary>
public sealed record ActionPin(string Sha, string Version);

/// <summary>
/// The actions that generated workflows use, each pinned to a full commit SHA, in one table: a tag can be moved to
/// other code after review, a commit can't. A build pins another commit with
/// <c>ActionPins.Default.With("actions/checkout", "&lt;40-hex sha&gt;", "v4.4.0")</c> in <see cref="ICheckWorkflows.WorkflowActionPins"/>.
/// Every action here is GitHub's own (owner <c>actions</c> or <c>github</c>): generated jobs hold write permissions and
/// secrets, and no third party's code runs beside them.
/// </summary>
public sealed partial class ActionPins
{
    private readonly IReadOnlyDictionary<string, ActionPin> _pins;

    private ActionPins(IReadOnlyDictionary<string, ActionPin> pins) => _pins = pins;

    public const string Checkout = "actions/checkout";
    public const string SetupDotnet = "actions/setup-dotnet";
    public const string Cache = "actions/cache";
    public const string UploadArtifact = "actions/upload-artifact";
    public const string DownloadArtifact = "actions/download-artifact";
    public const string GitHubScript = "actions/github-script";
    public const string UploadSarif = "github/codeql-action/upload-sarif";

    /// <summary>The latest release of each major version the workflows were written for; the SHAs are those the release tags name.</summary>
    public static ActionPins Default { get; } = new(new Dictionary<string, ActionPin>
    {
        [Checkout] = new("11d5960a326750d5838078e36cf38b85af677262", "v4.4.0"),
        [SetupDotnet] = new("67a3573c9a986a3f9c594539f4ab511d57bb3ce9", "v4.3.1"),
        [Cache] = new("0057852bfaa89a56745cba8c7296529d2fc39830", "v4.3.0"),
        [UploadArtifact] = new("ea165f8d65b6e75b540449e92b4886f43607fa02", "v4.6.2"),
        [DownloadArtifact] = new("d3f86a106a0bac45b974a628896c90dbdf5c8093", "v4.3.0"),
        [GitHubScript] = new("f28e40c7f34bde8b3046d885e986cb6290c5673b", "v7.1.0"),
        [UploadSarif] = new("dd903d2e4f5405488e5ef1422510ee31c8b32357", "v3.36.2"),
    });

    public IEnumerable<string> Actions => _pins.Keys;

    /// <summary>The table with <paramref name="action"/> pinned to the commit <paramref name="sha"/>, which the tag <paramref name="version"/> names.</summary>
    public ActionPins With(string action, string sha, string version)
    {
        if (!_pins.ContainsKey(action))
            throw new ArgumentException($"'{action}' is not an action the workflows use; pinnable: {string.Join(", ", _pins.Keys)}.", nameof(action));
        if (!IsCommitSha(sha))
            throw new ArgumentException($"'{sha}' for {action} is not a full commit SHA (40 hex digits): a tag or a short SHA can be moved to other code.", nameof(sha));
        if (string.IsNullOrWhiteSpace(version))
            throw new ArgumentException($"The version of {action}@{sha} is empty: it is written beside the SHA so that readers know what it is.", nameof(version));
        return new ActionPins(new Dictionary<string, ActionPin>(_pins) { [action] = new ActionPin(sha, version.Trim()) });
    }

    /// <summary>The <c>uses:</c> value, <c>owner/repo@sha</c>.</summary>
    public string Uses(string action) => $"{action}@{_pins[action].Sha}";

    /// <summary>The release tag the pinned commit came from, e.g. <c>v4.4.0</c>.</summary>
    public string Version(string action) => _pins[action].Version;

    /// <summary>Actions GitHub itself publishes; any other owner is a third party.</summary>
    public static bool IsGitHubOwned(string action) => action.Split('/')[0] is "actions" or "github";

    public static bool IsCommitSha(string reference) => CommitSha().IsMatch(reference);

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex CommitSha();
}
