using System.Text;

namespace Slipway.Containers.Smoke.Results;

/// <summary>What a failed check shows: what went wrong, the request, the response status and the start of the body.</summary>
public static class FailureReport
{
    public static string Describe(CheckResult result)
    {
        var text = new StringBuilder();
        text.AppendLine($"Check '{result.Name}' failed at step '{result.FailedStep}' after {result.Attempts} {(result.Attempts == 1 ? "try" : "tries")} in {result.Duration.TotalSeconds:0.0} s: {result.Problem}");
        if (result.LastAttempt is not { } attempt) return text.ToString().TrimEnd();
        foreach (var problem in attempt.Problems) text.AppendLine($"  - {problem}");
        text.AppendLine($"  request: {attempt.Request}");
        if (attempt.Status is { } status) text.AppendLine($"  response status: {status}");
        if (attempt.Response is { Length: > 0 } response)
            text.AppendLine($"  response (first {Running.StepAttempt.ResponseExcerptLength / 1024} KB):").AppendLine(Indent(response));
        return text.ToString().TrimEnd();
    }

    private static string Indent(string text) => string.Join(Environment.NewLine, text.Split('\n').Select(line => "    " + line.TrimEnd('\r')));
}
