using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

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
        // As on the console: strings unquoted, so an annotation reads like the log line it comes from.
        private static readonly MessageTemplateTextFormatter Message = new("{Message:lj}");

        public void Emit(LogEvent logEvent)
        {
            var command = logEvent.Level switch
            {
                >= LogEventLevel.Error => "error",
                LogEventLevel.Warning => "warning",
                _ => null,
            };
            if (command is null) return;
            var message = new StringWriter();
            Message.Format(logEvent, message);
            var text = message.ToString();
            if (logEvent.Exception is { } e) text += Environment.NewLine + e.Message;
            lock (output) output.WriteLine($"::{command}::{Escape(text)}");
        }
    }
}
