using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;

namespace Slipway.Build.Logging;

/// <summary>
/// Stands in front of every other sink and rewrites an event that contains a secret (in its message,
/// properties or exception) so that no sink ever sees the value.
/// </summary>
internal sealed class MaskingSink(SecretMasker masker, ILogEventSink inner) : ILogEventSink, IDisposable
{
    private static readonly MessageTemplateParser Parser = new();

    public void Emit(LogEvent logEvent)
    {
        if (!masker.HasSecrets)
        {
            inner.Emit(logEvent);
            return;
        }

        var message = logEvent.RenderMessage();
        var exception = logEvent.Exception;
        var touched = masker.Contains(message) || (exception is not null && masker.Contains(exception.ToString()))
                      || logEvent.Properties.Values.Any(v => masker.Contains(v.ToString()));
        if (!touched)
        {
            inner.Emit(logEvent);
            return;
        }

        // Masking the template's text and the properties apart keeps the event's structure, so it renders as an unmasked one would.
        var template = Parser.Parse(masker.Apply(logEvent.MessageTemplate.Text));
        var properties = logEvent.Properties.Select(p => new LogEventProperty(p.Key, MaskValue(p.Value)));
        var maskedException = exception is null ? null : new MaskedException(exception, masker);
        inner.Emit(new LogEvent(logEvent.Timestamp, logEvent.Level, maskedException, template, properties));
    }

    public void Dispose() => (inner as IDisposable)?.Dispose();

    private LogEventPropertyValue MaskValue(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string s } => new ScalarValue(masker.Apply(s)),
        ScalarValue scalar when masker.Contains(scalar.Value?.ToString()) => new ScalarValue(masker.Apply(scalar.Value!.ToString()!)),
        SequenceValue sequence => new SequenceValue(sequence.Elements.Select(MaskValue)),
        StructureValue structure => new StructureValue(structure.Properties.Select(p => new LogEventProperty(p.Name, MaskValue(p.Value))), structure.TypeTag),
        DictionaryValue dictionary => new DictionaryValue(dictionary.Elements.Select(e =>
            new KeyValuePair<ScalarValue, LogEventPropertyValue>((ScalarValue)MaskValue(e.Key), MaskValue(e.Value)))),
        _ => value,
    };
}

/// <summary>An exception whose printed form has the secrets masked; the original stays inside for debugging in code.</summary>
public sealed class MaskedException(Exception original, SecretMasker masker) : Exception(masker.Apply(original.Message))
{
    private readonly string _text = masker.Apply(original.ToString());

    public override string? StackTrace => null;

    public override string ToString() => _text;
}
