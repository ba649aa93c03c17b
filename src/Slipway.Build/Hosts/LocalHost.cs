using Serilog.Core;

namespace Slipway.Build.Hosts;

/// <summary>A developer's shell: a rule above each target's output, no annotations.</summary>
public sealed class LocalHost : IBuildHost
{
    public string Name => "Local";
    public bool IsServerBuild => false;

    public void BeginTarget(TextWriter output, string target) => output.WriteLine($"\n── {target} {new string('─', Math.Max(3, 60 - target.Length))}");

    public void EndTarget(TextWriter output, string target)
    {
    }

    public ILogEventSink? AnnotationSink(TextWriter output) => null;

    public void AppendStepSummary(string markdown)
    {
    }
}
