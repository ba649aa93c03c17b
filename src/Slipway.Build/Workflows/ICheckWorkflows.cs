using Slipway.Build.Execution;
using Slipway.Build.Processes;
using Slipway.Build.Workflows;

namespace Slipway.Build;

/// <summary>
/// Keeps .github/workflows in step with the build's [GitHubActions] declarations: local runs rewrite them, and
/// CheckWorkflows, which generated workflows run first, fails on a stale committed file and on any workflow there,
/// generated or written by hand, that uses an action not pinned to a commit SHA.
/// </summary>
public interface ICheckWorkflows : ISlipwayBuild
{
    /// <summary>The commits of the actions the workflows use; return <c>ActionPins.Default.With(…)</c> to pin others.</summary>
    ActionPins WorkflowActionPins => ActionPins.Default;

    Target CheckWorkflows => _ => _
        .Description("Fails, showing the diff, when a committed workflow in .github/workflows differs from what the [GitHubActions] declarations generate, or uses an action not pinned to a commit SHA")
        .Executes(async ct =>
        {
            var stale = new List<string>();
            foreach (var (path, content) in BuildWorkflows.Generate(this, Context.Targets))
            {
                var committed = RootDirectory / path;
                if (File.Exists(committed) && File.ReadAllText(committed) == content) continue;
                stale.Add(path);
                var generated = TemporaryDirectory / "workflows" / Path.GetFileName(path);
                Directory.CreateDirectory(generated.Parent!);
                await File.WriteAllTextAsync(generated, content, ct);
                // git's own diff, committed → generated; exit code 1 just means "differs".
                await Processes.RunAsync("git", ["diff", "--no-index", "--no-color", "--", File.Exists(committed) ? committed.Value : "/dev/null", generated.Value],
                    new ProcessOptions { ThrowOnError = false }, ct);
            }

            var unpinned = UnpinnedUses();
            foreach (var use in unpinned) Log.Error("{Use}: not pinned to a commit SHA", use);
            if (stale.Count > 0)
                throw new TargetFailedException(
                    $"{string.Join(", ", stale)} differ(s) from what the [GitHubActions] declarations generate (diff above). " +
                    "Run any ./build.sh target locally, which rewrites them, and commit .github/workflows.");
            if (unpinned.Count > 0)
                throw new TargetFailedException(
                    $"{string.Join("; ", unpinned)}: not pinned to a full commit SHA. A tag can be moved to other code; pin owner/repo@<40-hex sha> with the version as a comment.");
            ReportSummary("workflows are current, every action pinned to a commit");
        });

    /// <summary>Every <c>uses:</c> in .github/workflows not pinned to a commit, as <c>file:line uses</c>.</summary>
    private IReadOnlyList<string> UnpinnedUses()
    {
        var folder = RootDirectory / ".github" / "workflows";
        if (!Directory.Exists(folder)) return [];
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder).Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var relative = AbsolutePath.Create(file).RelativeTo(RootDirectory);
            try
            {
                found.AddRange(UnpinnedActions.Find(File.ReadAllText(file)).Select(u => $"{relative}:{u.Line} {u.Uses}"));
            }
            catch (InvalidDataException e)
            {
                throw new TargetFailedException($"{relative}: {e.Message}");
            }
        }
        return found;
    }
}
