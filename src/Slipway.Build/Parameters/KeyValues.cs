namespace Slipway.Build;

/// <summary>Parameters given as KEY=VALUE words (build arguments, variables), as a dictionary.</summary>
public static class KeyValues
{
    public static IReadOnlyDictionary<string, string> Parse(string parameter, IEnumerable<string> words) =>
        words.ToDictionary(
            word => word.IndexOf('=') is > 0 and var equals ? word[..equals] : throw new ParameterException($"Parameter '{parameter}': '{word}' is not KEY=VALUE."),
            word => word[(word.IndexOf('=') + 1)..]);
}
