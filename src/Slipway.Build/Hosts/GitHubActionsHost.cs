using Serilog.Core;
using Serilog.Events;

namespace Slipway.Build.Hosts;

/// <summary>GitHub Actions: workflow commands for groups and annotations, and the step summary file.</summary>
public sealed class GitHubActionsHost(string? stepSummaryFile) : IBuildHost
{
    public string Name => "GitHubActions";
    public bool IsServerBuild => true;

    public void BeginTarget(TextWriter output, string target) => output.WriteLine($"::group::{target}");

    public void EndTarget(TextWriter output, string target) => output.WriteLine("::endgroup::");

    public ILogEventSink AnnotationSink(TextWriter output) => new AnnotationWriter(output);

    public void AppendStepSummary(string markdown)
    {
        if (!string.IsNullOrEmpty(stepSummaryFile)) File.AppendAllText(stepSummaryFile, markdown + Environment.NewLine);
    }

    /// <summary>Workflow command values escape %, CR and LF so that a message spans one command.</summary>
    public static string Escape(string value) => value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private sealed class AnnotationWriter(TextWriter output) : ILogEventSink
    {
        public void Emit(LogEvent logEvent)
        {
            var command = logEvent.Level switch
            {
                >= LogEventLevel.Error => "error",
                LogEventLevel.Warning => "warning",
                _ => null,
            };
            if (command is null) return;
            var text = logEvent.RenderMessage();
            if (logEvent.Exception is { } e) text += Environment.NewLine + e.Message;
            lock (output) output.WriteLine($"::{command}::{Escape(text)}");
        }
    }
}
