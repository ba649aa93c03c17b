using System.Linq.Expressions;
using Serilog;
using Slipway.Build.Hosts;
using Slipway.Build.Processes;

namespace Slipway.Build;

/// <summary>
/// The base of a build class: <c>class Build : SlipwayBuild, IBuildImages</c> with
/// <c>public static int Main() =&gt; Execute&lt;Build&gt;(x =&gt; x.SmokeTest);</c>.
/// </summary>
public abstract class SlipwayBuild : ISlipwayBuild
{
    private BuildContext? _context;

    public BuildContext Context => _context ?? throw new InvalidOperationException("The build has not been initialized by a BuildRunner yet.");

    public AbsolutePath RootDirectory => Context.RootDirectory;
    public AbsolutePath ArtifactsDirectory => RootDirectory / "artifacts";
    public AbsolutePath TemporaryDirectory => RootDirectory / ".nuke" / "temp";
    public ILogger Log => Context.Log;
    public IBuildHost Host => Context.Host;
    public bool IsLocalBuild => !Host.IsServerBuild;
    public bool IsServerBuild => Host.IsServerBuild;
    public ProcessRunner Processes => Context.Processes;
    public CancellationToken CancellationToken => Context.CancellationToken;

    public T? TryGetValue<T>(Expression<Func<T>> parameter) =>
        (parameter.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : parameter.Body) is MemberExpression member
            ? Context.Parameters.Get<T>(member.Member.Name)
            : throw new ArgumentException("TryGetValue takes the parameter member itself, as in () => Registry.", nameof(parameter));

    public void ReportSummary(string note) => Context.ReportNote?.Invoke(note);

    internal void Initialize(BuildContext context) => _context = context;

    /// <summary>Runs the build with the process's command line and environment, in the repository that contains the current directory.</summary>
    protected static int Execute<T>(Func<T, Target> defaultTarget) where T : SlipwayBuild, new() =>
        BuildRunner.ForCurrentProcess().Run(defaultTarget, System.Environment.GetCommandLineArgs().Skip(1).ToArray());
}
