namespace Slipway.Build;

/// <summary>
/// The versions of the actions that generated workflows use, in one table. A build pins an action to a commit SHA
/// with <c>ActionPins.Default.With("actions/checkout", "&lt;40-hex sha&gt;")</c> in <see cref="ICheckWorkflows.WorkflowActionPins"/>.
/// </summary>
public sealed class ActionPins
{
    private readonly IReadOnlyDictionary<string, string> _references;

    private ActionPins(IReadOnlyDictionary<string, string> references) => _references = references;

    public const string Checkout = "actions/checkout";
    public const string SetupDotnet = "actions/setup-dotnet";
    public const string Cache = "actions/cache";
    public const string UploadArtifact = "actions/upload-artifact";
    public const string DownloadArtifact = "actions/download-artifact";
    public const string GitHubRuntime = "crazy-max/ghaction-github-runtime";
    public const string UploadSarif = "github/codeql-action/upload-sarif";

    public static ActionPins Default { get; } = new(new Dictionary<string, string>
    {
        [Checkout] = "v4",
        [SetupDotnet] = "v4",
        [Cache] = "v4",
        [UploadArtifact] = "v4",
        [DownloadArtifact] = "v4",
        [GitHubRuntime] = "v3",
        [UploadSarif] = "v3",
    });

    /// <summary>The table with <paramref name="action"/> pinned to <paramref name="reference"/> (a tag or a commit SHA).</summary>
    public ActionPins With(string action, string reference) =>
        _references.ContainsKey(action)
            ? new ActionPins(new Dictionary<string, string>(_references) { [action] = reference })
            : throw new ArgumentException($"'{action}' is not an action the workflows use; pinnable: {string.Join(", ", _references.Keys)}.", nameof(action));

    /// <summary>The <c>uses:</c> value, <c>owner/repo@reference</c>.</summary>
    public string Uses(string action) => $"{action}@{_references[action]}";
}
