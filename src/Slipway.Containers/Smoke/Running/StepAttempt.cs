namespace Slipway.Containers.Smoke.Running;

/// <summary>
/// One try of a step: what was sent, what came back (status and the start of the body or output) and what did not
/// match. <paramref name="Captured"/> holds the values the step captured when it passed.
/// </summary>
public sealed record StepAttempt(string Request, IReadOnlyList<string> Problems, int? Status = null, string? Response = null, IReadOnlyDictionary<string, string>? Captured = null)
{
    /// <summary>How much of a response a report shows.</summary>
    public const int ResponseExcerptLength = 2048;

    public bool Passed => Problems.Count == 0;

    public static string Excerpt(string text) =>
        text.Length <= ResponseExcerptLength ? text : text[..ResponseExcerptLength] + $"… ({text.Length - ResponseExcerptLength} more characters)";
}
