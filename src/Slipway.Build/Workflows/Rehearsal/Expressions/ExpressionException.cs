namespace Slipway.Build.Workflows.Rehearsal;

/// <summary>An expression the rehearsal can't read or evaluate; the message quotes it and says what was expected.</summary>
public sealed class ExpressionException(string message) : InputException(message);
