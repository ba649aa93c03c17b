namespace Slipway.Containers.Machine.Setup;

/// <summary>
/// What <c>apt-get -s install</c> says it would do. Its Inst/Remv lines are apt's machine-readable simulation output
/// (not translated): <c>Inst name [installed] (candidate release [arch])</c>, where a bracketed version means the
/// package is installed already and would be replaced.
/// </summary>
public sealed record AptSimulation(IReadOnlyList<string> Added, IReadOnlyList<AptSimulation.Replacement> Replaced, IReadOnlyList<string> Removed)
{
    /// <summary>An installed package apt would upgrade or downgrade.</summary>
    public sealed record Replacement(string Package, string Installed, string Candidate)
    {
        public override string ToString() => $"{Package} {Installed} → {Candidate}";
    }

    /// <summary>Nothing installed would be upgraded, downgraded or removed.</summary>
    public bool OnlyAdds => Replaced.Count == 0 && Removed.Count == 0;

    public static AptSimulation Parse(string output)
    {
        var added = new List<string>();
        var replaced = new List<Replacement>();
        var removed = new List<string>();
        foreach (var line in output.Split('\n'))
        {
            var words = line.TrimEnd('\r').Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 2) continue;
            switch (words[0])
            {
                case "Remv" or "Purg":
                    removed.Add(words[1]);
                    break;
                case "Inst" when words.Length == 3 && words[2].StartsWith('['):
                    var installed = words[2][1..words[2].IndexOf(']')];
                    replaced.Add(new Replacement(words[1], installed, Candidate(words[2][(words[2].IndexOf(']') + 1)..])));
                    break;
                case "Inst":
                    added.Add(words[1]);
                    break;
            }
        }

        return new AptSimulation(added, replaced, removed);
    }

    /// <summary>apt's own explanation of a refused install: its unmet dependencies and E: lines.</summary>
    public static string Complaints(string output)
    {
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r'))
            .Where(l => l.StartsWith("E: ", StringComparison.Ordinal) || l.StartsWith(' ') && l.Contains(" : ", StringComparison.Ordinal))
            .Select(l => "  " + l.Trim())
            .ToList();
        return lines.Count > 0 ? string.Join('\n', lines) : output.Trim();
    }

    // "(2.41-12+deb13u5 Debian:13.8/stable [amd64]) [libc-bin:amd64 ]" → "2.41-12+deb13u5"
    private static string Candidate(string rest)
    {
        var open = rest.IndexOf('(');
        return open < 0 ? "?" : rest[(open + 1)..].Split(' ', 2)[0].TrimEnd(')');
    }
}
