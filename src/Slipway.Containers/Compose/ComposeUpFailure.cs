namespace Slipway.Containers.Compose;

/// <summary>
/// Why a stack did not come up, cause first: the engine's refusal (a port already allocated), then services that exited
/// or restarted, and only when compose waited out its timeout, that the stack did not become healthy in time.
/// </summary>
public static class ComposeUpFailure
{
    public sealed record Explanation(string Message, string Summary);

    public static Explanation Explain(string composeError, bool timedOut, int waitTimeout, IReadOnlyList<ServiceHealth> failed, IReadOnlyList<string> missing, int exitCode)
    {
        var refusals = composeError.Split('\n').Select(l => l.Trim())
            .Where(l => l.StartsWith("Error response from daemon:", StringComparison.Ordinal))
            .Distinct().ToList();
        var reasons = failed.Select(f => f.Describe()).Concat(missing.Select(m => $"{m}: no container was created")).ToList();
        var blamed = failed.Where(f => f.Blame == 0).Select(f => f.Service).ToList();

        if (refusals.Count > 0)
            return new($"compose could not start the stack: {string.Join(" ", refusals)}" + Details(reasons), "failed: " + Short(refusals[0]));
        if (blamed.Count > 0)
            return new($"The stack did not start: {string.Join(", ", blamed)} {(blamed.Count == 1 ? "exits" : "exit")} instead of running:" + Details(reasons),
                "failed: " + string.Join(", ", failed.Where(f => f.Blame == 0).Select(f => $"{f.Service} exited ({f.ExitCode})")));
        if (timedOut)
            return new($"The stack did not become healthy within {waitTimeout} s:" + Details(reasons), "failed: " + string.Join(", ", failed.Select(f => f.Service).Concat(missing)) + $" not healthy in {waitTimeout} s");
        var said = composeError.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0) ?? $"compose up exited with code {exitCode}";
        return new($"compose up failed: {said}" + Details(reasons), "failed: " + Short(said));
    }

    private static string Details(IReadOnlyList<string> reasons) =>
        reasons.Count == 0 ? "" : Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", reasons);

    /// <summary>The engine's own reason, which ends its message: "… (endpoint id): Bind for 0.0.0.0:8080 failed: port is already allocated".</summary>
    private static string Short(string text)
    {
        const string daemon = "Error response from daemon: ";
        var paren = text.LastIndexOf("): ", StringComparison.Ordinal);
        var tail = paren >= 0 ? text[(paren + 3)..] : text.StartsWith(daemon, StringComparison.Ordinal) ? text[daemon.Length..] : text;
        return tail.Length > 120 ? tail[..117] + "..." : tail;
    }
}
