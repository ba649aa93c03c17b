using Slipway.Build;

namespace Slipway.Containers.Smoke.Suite;

/// <summary>A smoke file that can't be used; the message names the file, the check and the field.</summary>
public sealed class SmokeFileException(string message) : InputException(message)
{
    public static SmokeFileException At(string file, string? check, string? field, string problem) =>
        new($"{file}: {(check is null ? "" : $"check '{check}': ")}{(field is null ? "" : $"field '{field}': ")}{problem}");
}
