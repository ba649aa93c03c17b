using System.Text;

namespace Slipway.Containers.Smoke.Results;

/// <summary>What a failed check shows: what went wrong, the request, the response status and the start of the body.</summary>
public static class FailureReport
{
    public static string Describe(CheckResult result)
    {
        var text = new StringBuilder();
        text.AppendLine($"Check '{result.Name}' failed{At(result)} after {result.Attempts} {(result.Attempts == 1 ? "try" : "tries")} in {result.Duration.TotalSeconds:0.0} s: {result.Problem}");
        if (result.LastAttempt is not { } attempt) return text.ToString().TrimEnd();
        foreach (var problem in attempt.Problems) text.AppendLine($"  - {problem}");
        text.AppendLine($"  request: {attempt.Request}");
        if (attempt.Status is { } status) text.AppendLine($"  response status: {status}");
        if (attempt.Response is { Length: > 0 } response)
            text.AppendLine($"  response (first {Running.StepAttempt.ResponseExcerptLength / 1024} KB):").AppendLine(Indent(response));
        return text.ToString().TrimEnd();
    }

    /// <summary>" at step 'create'" for a step of a multi-step check; a single-step check's step has the check's name.</summary>
    public static string At(CheckResult result) => result.FailedStep == result.Name ? "" : $" at step '{result.FailedStep}'";

    private static string Indent(string text) => string.Join(Environment.NewLine, text.Split('\n').Select(line => "    " + line.TrimEnd('\r')));
}
