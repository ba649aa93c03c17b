namespace Slipway.Build;

/// <summary>
/// The user's input is wrong: a parameter, a file the build reads, or the repository it runs in. The message names the
/// parameter or file, the field, the bad value and what was expected; it is shown as it is, never with a stack trace.
/// </summary>
public class InputException(string message) : Exception(message);
