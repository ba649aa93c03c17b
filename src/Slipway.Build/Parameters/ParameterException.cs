namespace Slipway.Build;

/// <summary>A parameter's value is missing, unknown or of the wrong type; the message says which and where.</summary>
public sealed class ParameterException(string message) : InputException(message);
