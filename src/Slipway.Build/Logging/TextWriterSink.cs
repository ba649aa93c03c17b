using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace Slipway.Build.Logging;

/// <summary>Plain console output to any writer (redirected output, CI logs, tests).</summary>
internal sealed class TextWriterSink(TextWriter output, ITextFormatter formatter) : ILogEventSink
{
    public void Emit(LogEvent logEvent)
    {
        lock (output) formatter.Format(logEvent, output);
    }
}
