using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;
using Serilog.Sinks.SystemConsole.Themes;
using Slipway.Build.Hosts;

namespace Slipway.Build.Logging;

/// <summary>Builds the run's logger: console (coloured on a TTY), a compact JSON file per run, host annotations; all behind the secret mask.</summary>
public static class BuildLogging
{
    public const int KeptLogFiles = 10;
    private const string ConsoleTemplate = "{Timestamp:HH:mm:ss} {Level:u3} {Message:lj}{NewLine}{Exception}";

    /// <param name="output">The console writer; colours are used only when it is the real console and that is a terminal.</param>
    public static Logger Create(TextWriter output, bool colours, Verbosity verbosity, SecretMasker masker, IBuildHost host, AbsolutePath logDirectory)
    {
        Directory.CreateDirectory(logDirectory);
        var logFile = logDirectory / $"build-{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}.json";
        PruneOldLogs(logDirectory);

        var consoleLevel = new LoggingLevelSwitch(verbosity switch
        {
            Verbosity.Quiet => LogEventLevel.Error,
            Verbosity.Minimal => LogEventLevel.Warning,
            Verbosity.Normal => LogEventLevel.Information,
            _ => LogEventLevel.Debug,
        });

        var inner = new LoggerConfiguration().MinimumLevel.Verbose();
        inner = colours
            ? inner.WriteTo.Console(outputTemplate: ConsoleTemplate, theme: AnsiConsoleTheme.Code, levelSwitch: consoleLevel)
            : inner.WriteTo.Sink(new TextWriterSink(output, new MessageTemplateTextFormatter(ConsoleTemplate)), levelSwitch: consoleLevel);
        inner = inner.WriteTo.File(new CompactJsonFormatter(), logFile);
        if (host.AnnotationSink(output) is { } annotations) inner = inner.WriteTo.Sink(annotations);

        return new LoggerConfiguration()
            .MinimumLevel.Verbose()
            .WriteTo.Sink(new MaskingSink(masker, inner.CreateLogger()))
            .CreateLogger();
    }

    /// <summary>Keeps the newest <see cref="KeptLogFiles"/> - 1 files, making room for the one this run writes.</summary>
    public static void PruneOldLogs(AbsolutePath logDirectory)
    {
        var old = Directory.GetFiles(logDirectory, "build-*.json").Order(StringComparer.Ordinal).ToList();
        foreach (var file in old.Take(Math.Max(0, old.Count - (KeptLogFiles - 1))))
            File.Delete(file);
    }
}
