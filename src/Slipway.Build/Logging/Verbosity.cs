namespace Slipway.Build;

/// <summary>How much the console shows; the JSON log file always records everything.</summary>
public enum Verbosity
{
    Quiet,
    Minimal,
    Normal,
    Verbose,
}
