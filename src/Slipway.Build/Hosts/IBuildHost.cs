using Serilog.Core;

namespace Slipway.Build.Hosts;

/// <summary>Where the build runs: a developer's shell or a CI service, and what each expects of the output.</summary>
public interface IBuildHost
{
    /// <summary>"Local" or "GitHubActions".</summary>
    string Name { get; }

    bool IsServerBuild { get; }

    void BeginTarget(TextWriter output, string target);
    void EndTarget(TextWriter output, string target);

    /// <summary>A sink for annotations the host shows beside the log (errors, warnings), or null.</summary>
    ILogEventSink? AnnotationSink(TextWriter output);

    /// <summary>Adds Markdown to the host's run summary page, where it has one.</summary>
    void AppendStepSummary(string markdown);
}

public static class BuildHosts
{
    /// <summary>GitHub Actions sets GITHUB_ACTIONS=true in every step.</summary>
    public static IBuildHost Detect(IReadOnlyDictionary<string, string> environment) =>
        environment.GetValueOrDefault("GITHUB_ACTIONS") == "true"
            ? new GitHubActionsHost(environment.GetValueOrDefault("GITHUB_STEP_SUMMARY"))
            : new LocalHost();
}
