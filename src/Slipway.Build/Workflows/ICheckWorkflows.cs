using Slipway.Build.Execution;
using Slipway.Build.Processes;
using Slipway.Build.Workflows;

namespace Slipway.Build;

/// <summary>
/// Keeps .github/workflows in step with the build's [GitHubActions] declarations: local runs rewrite them, and
/// CheckWorkflows, which generated workflows run first, fails on a stale committed file.
/// </summary>
public interface ICheckWorkflows : ISlipwayBuild
{
    /// <summary>The versions of the actions the workflows use; return <c>ActionPins.Default.With(…)</c> to pin to commit SHAs.</summary>
    ActionPins WorkflowActionPins => ActionPins.Default;

    Target CheckWorkflows => _ => _
        .Description("Fails, showing the diff, when a committed workflow in .github/workflows differs from what the [GitHubActions] declarations generate")
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

            if (stale.Count > 0)
                throw new TargetFailedException(
                    $"{string.Join(", ", stale)} differ(s) from what the [GitHubActions] declarations generate (diff above). " +
                    "Run any ./build.sh target locally, which rewrites them, and commit .github/workflows.");
            ReportSummary("workflows are current");
        });
}
