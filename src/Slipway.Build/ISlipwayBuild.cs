using System.Linq.Expressions;
using Serilog;
using Slipway.Build.Hosts;
using Slipway.Build.Processes;

namespace Slipway.Build;

/// <summary>
/// What every build and every component can use. Components are interfaces that extend this one and
/// declare their targets and parameters as default members.
/// </summary>
public interface ISlipwayBuild
{
    BuildContext Context { get; }

    AbsolutePath RootDirectory { get; }

    /// <summary>artifacts/: what targets produce, uploaded by CI.</summary>
    AbsolutePath ArtifactsDirectory { get; }

    /// <summary>.nuke/temp: caches, logs, generated files that are not products.</summary>
    AbsolutePath TemporaryDirectory { get; }

    ILogger Log { get; }
    IBuildHost Host { get; }
    bool IsLocalBuild { get; }
    bool IsServerBuild { get; }
    ProcessRunner Processes { get; }

    /// <summary>Aborted on Ctrl-C or SIGTERM.</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>
    /// The value of a component's parameter, declared as
    /// <c>[Parameter] string Registry =&gt; TryGetValue(() =&gt; Registry);</c> (the expression is only read for its name).
    /// </summary>
    T? TryGetValue<T>(Expression<Func<T>> parameter);

    /// <summary>Sets the note shown beside the running target in the end summary.</summary>
    void ReportSummary(string note);
}

public static class SlipwayBuildExtensions
{
    /// <summary>Views the build as one of its components: <c>x =&gt; x.From&lt;ISmokeTest&gt;().SmokeTest</c>.</summary>
    public static T From<T>(this ISlipwayBuild build) where T : ISlipwayBuild => (T)build;
}
