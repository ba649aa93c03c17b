namespace Slipway.Containers.Scanning.Advisories;

/// <summary>
/// The CVSS v4.0 score of a vector string, by the specification's method: the score of the vector's macrovector,
/// lowered by how far the vector lies from that macrovector's most severe vectors. OSV gives v4 severities as vectors.
/// </summary>
public static class Cvss4
{
    private const string Prefix = "CVSS:4.0/";

    /// <summary>The values each metric may take; a vector must give the base metrics (no X among them).</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["AV"] = ["N", "A", "L", "P"], ["AC"] = ["L", "H"], ["AT"] = ["N", "P"], ["PR"] = ["N", "L", "H"], ["UI"] = ["N", "P", "A"],
        ["VC"] = ["H", "L", "N"], ["VI"] = ["H", "L", "N"], ["VA"] = ["H", "L", "N"],
        ["SC"] = ["H", "L", "N"], ["SI"] = ["H", "L", "N"], ["SA"] = ["H", "L", "N"],
        ["E"] = ["X", "A", "P", "U"], ["CR"] = ["X", "H", "M", "L"], ["IR"] = ["X", "H", "M", "L"], ["AR"] = ["X", "H", "M", "L"],
        ["MAV"] = ["X", "N", "A", "L", "P"], ["MAC"] = ["X", "L", "H"], ["MAT"] = ["X", "N", "P"], ["MPR"] = ["X", "N", "L", "H"], ["MUI"] = ["X", "N", "P", "A"],
        ["MVC"] = ["X", "H", "L", "N"], ["MVI"] = ["X", "H", "L", "N"], ["MVA"] = ["X", "H", "L", "N"],
        ["MSC"] = ["X", "H", "L", "N"], ["MSI"] = ["X", "S", "H", "L", "N"], ["MSA"] = ["X", "S", "H", "L", "N"],
        // Supplemental metrics describe the vulnerability without changing its score.
        ["S"] = ["X", "N", "P"], ["AU"] = ["X", "N", "Y"], ["R"] = ["X", "A", "U", "I"], ["V"] = ["X", "D", "C"],
        ["RE"] = ["X", "L", "M", "H"], ["U"] = ["X", "Clear", "Green", "Amber", "Red"],
    };

    private static readonly string[] BaseMetrics = ["AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA"];

    /// <summary>How far each value lies below the metric's most severe one, in the specification's steps of 0.1.</summary>
    private static readonly Dictionary<string, Dictionary<string, double>> Levels = new(StringComparer.Ordinal)
    {
        ["AV"] = new() { ["N"] = 0.0, ["A"] = 0.1, ["L"] = 0.2, ["P"] = 0.3 },
        ["PR"] = new() { ["N"] = 0.0, ["L"] = 0.1, ["H"] = 0.2 },
        ["UI"] = new() { ["N"] = 0.0, ["P"] = 0.1, ["A"] = 0.2 },
        ["AC"] = new() { ["L"] = 0.0, ["H"] = 0.1 },
        ["AT"] = new() { ["N"] = 0.0, ["P"] = 0.1 },
        ["VC"] = new() { ["H"] = 0.0, ["L"] = 0.1, ["N"] = 0.2 },
        ["VI"] = new() { ["H"] = 0.0, ["L"] = 0.1, ["N"] = 0.2 },
        ["VA"] = new() { ["H"] = 0.0, ["L"] = 0.1, ["N"] = 0.2 },
        ["SC"] = new() { ["H"] = 0.1, ["L"] = 0.2, ["N"] = 0.3 },
        ["SI"] = new() { ["S"] = 0.0, ["H"] = 0.1, ["L"] = 0.2, ["N"] = 0.3 },
        ["SA"] = new() { ["S"] = 0.0, ["H"] = 0.1, ["L"] = 0.2, ["N"] = 0.3 },
        ["CR"] = new() { ["H"] = 0.0, ["M"] = 0.1, ["L"] = 0.2 },
        ["IR"] = new() { ["H"] = 0.0, ["M"] = 0.1, ["L"] = 0.2 },
        ["AR"] = new() { ["H"] = 0.0, ["M"] = 0.1, ["L"] = 0.2 },
    };

    /// <summary>The most severe vectors of each level of EQ1, EQ2, EQ3 (by EQ6), EQ4 and EQ5.</summary>
    private static readonly string[][] Eq1Maxima = [["AV:N/PR:N/UI:N"], ["AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P"], ["AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P"]];
    private static readonly string[][] Eq2Maxima = [["AC:L/AT:N"], ["AC:H/AT:N", "AC:L/AT:P"]];

    private static readonly Dictionary<(int Eq3, int Eq6), string[]> Eq3Eq6Maxima = new()
    {
        [(0, 0)] = ["VC:H/VI:H/VA:H/CR:H/IR:H/AR:H"],
        [(0, 1)] = ["VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M"],
        [(1, 0)] = ["VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H"],
        [(1, 1)] = ["VC:L/VI:H/VA:L/CR:H/IR:M/AR:H", "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M", "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M", "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H", "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M"],
        [(2, 1)] = ["VC:L/VI:L/VA:L/CR:H/IR:H/AR:H"],
    };

    private static readonly string[][] Eq4Maxima = [["SC:H/SI:S/SA:S"], ["SC:H/SI:H/SA:H"], ["SC:L/SI:L/SA:L"]];

    /// <summary>The depth of each EQ level (its most severe vector to its least, in steps), EQ3 together with EQ6.</summary>
    private static readonly int[] Eq1Depth = [1, 4, 5];
    private static readonly int[] Eq2Depth = [1, 2];
    private static readonly Dictionary<(int Eq3, int Eq6), int> Eq3Eq6Depth = new() { [(0, 0)] = 7, [(0, 1)] = 6, [(1, 0)] = 8, [(1, 1)] = 8, [(2, 1)] = 10 };
    private static readonly int[] Eq4Depth = [6, 5, 4];

    private static readonly string[] DistanceMetrics = ["AV", "PR", "UI", "AC", "AT", "VC", "VI", "VA", "SC", "SI", "SA", "CR", "IR", "AR"];

    public static double? BaseScore(string vector)
    {
        if (Parse(vector) is not { } metrics) return null;
        string Get(string metric) => Effective(metrics, metric);
        if (new[] { "VC", "VI", "VA", "SC", "SI", "SA" }.All(m => Get(m) == "N")) return 0.0;

        var (eq1, eq2, eq3, eq4, eq5, eq6) = Equivalences(Get);
        var value = Cvss4MacroVectors.Scores[$"{eq1}{eq2}{eq3}{eq4}{eq5}{eq6}"];
        double? Lower(int e1, int e2, int e3, int e4, int e5, int e6) =>
            Cvss4MacroVectors.Scores.TryGetValue($"{e1}{e2}{e3}{e4}{e5}{e6}", out var score) ? score : null;
        var eq3Eq6Lower = (eq3, eq6) switch
        {
            (0, 0) => Max(Lower(eq1, eq2, eq3, eq4, eq5, eq6 + 1), Lower(eq1, eq2, eq3 + 1, eq4, eq5, eq6)),
            (1, 0) => Lower(eq1, eq2, eq3, eq4, eq5, eq6 + 1),
            (0, 1) or (1, 1) => Lower(eq1, eq2, eq3 + 1, eq4, eq5, eq6),
            _ => null,
        };

        var distance = Distances(Get, eq1, eq2, eq3, eq4, eq6);
        var step = 0.1;
        var parts = new (double? LowerScore, double Proportion)[]
        {
            (Lower(eq1 + 1, eq2, eq3, eq4, eq5, eq6), (distance["AV"] + distance["PR"] + distance["UI"]) / (Eq1Depth[eq1] * step)),
            (Lower(eq1, eq2 + 1, eq3, eq4, eq5, eq6), (distance["AC"] + distance["AT"]) / (Eq2Depth[eq2] * step)),
            (eq3Eq6Lower, (distance["VC"] + distance["VI"] + distance["VA"] + distance["CR"] + distance["IR"] + distance["AR"]) / (Eq3Eq6Depth[(eq3, eq6)] * step)),
            (Lower(eq1, eq2, eq3, eq4 + 1, eq5, eq6), (distance["SC"] + distance["SI"] + distance["SA"]) / (Eq4Depth[eq4] * step)),
            // Every vector of an EQ5 level is its most severe one: it counts, with no distance.
            (Lower(eq1, eq2, eq3, eq4, eq5 + 1, eq6), 0),
        };
        var existing = parts.Where(p => p.LowerScore is not null).ToList();
        var mean = existing.Count == 0 ? 0 : existing.Sum(p => (value - p.LowerScore!.Value) * p.Proportion) / existing.Count;
        var score = Math.Clamp(value - mean, 0, 10);
        return Math.Floor(score * 10 + 0.5) / 10;
    }

    private static double? Max(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static (int, int, int, int, int, int) Equivalences(Func<string, string> get)
    {
        bool Is(string metric, string value) => get(metric) == value;
        var eq1 = Is("AV", "N") && Is("PR", "N") && Is("UI", "N") ? 0
            : (Is("AV", "N") || Is("PR", "N") || Is("UI", "N")) && !Is("AV", "P") ? 1
            : 2;
        var eq2 = Is("AC", "L") && Is("AT", "N") ? 0 : 1;
        var eq3 = Is("VC", "H") && Is("VI", "H") ? 0
            : Is("VC", "H") || Is("VI", "H") || Is("VA", "H") ? 1
            : 2;
        var eq4 = Is("SI", "S") || Is("SA", "S") ? 0
            : Is("SC", "H") || Is("SI", "H") || Is("SA", "H") ? 1
            : 2;
        var eq5 = get("E") switch { "A" => 0, "P" => 1, _ => 2 };
        var eq6 = (Is("CR", "H") && Is("VC", "H")) || (Is("IR", "H") && Is("VI", "H")) || (Is("AR", "H") && Is("VA", "H")) ? 0 : 1;
        return (eq1, eq2, eq3, eq4, eq5, eq6);
    }

    /// <summary>
    /// The vector's distance below the first of its macrovector's most severe vectors that it does not exceed in any
    /// metric (the last one when it exceeds them all, as the specification's calculator does).
    /// </summary>
    private static Dictionary<string, double> Distances(Func<string, string> get, int eq1, int eq2, int eq3, int eq4, int eq6)
    {
        var maxima =
            from a in Eq1Maxima[eq1]
            from b in Eq2Maxima[eq2]
            from c in Eq3Eq6Maxima[(eq3, eq6)]
            from d in Eq4Maxima[eq4]
            select $"{a}/{b}/{c}/{d}";
        Dictionary<string, double> distance = [];
        foreach (var maximum in maxima)
        {
            var values = maximum.Split('/').Select(p => p.Split(':')).ToDictionary(p => p[0], p => p[1]);
            distance = DistanceMetrics.ToDictionary(m => m, m => Levels[m][get(m)] - Levels[m][values[m]]);
            if (distance.Values.All(d => d >= 0)) break;
        }
        return distance;
    }

    /// <summary>
    /// The value a metric takes for scoring: its modified (environmental) value when one is given, else its base value;
    /// an unset threat metric counts as attacked (E:A) and unset requirements as high (CR/IR/AR:H).
    /// </summary>
    private static string Effective(Dictionary<string, string> metrics, string metric)
    {
        if (metric is "E" or "CR" or "IR" or "AR")
            return metrics.GetValueOrDefault(metric, "X") is var value && value != "X" ? value : metric == "E" ? "A" : "H";
        return metrics.GetValueOrDefault("M" + metric, "X") is var modified && modified != "X" ? modified : metrics[metric];
    }

    private static Dictionary<string, string>? Parse(string vector)
    {
        if (!vector.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var metrics = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in vector[Prefix.Length..].Split('/'))
        {
            var colon = part.IndexOf(':');
            if (colon <= 0) return null;
            var (metric, value) = (part[..colon], part[(colon + 1)..]);
            if (!Allowed.TryGetValue(metric, out var allowed) || !allowed.Contains(value) || !metrics.TryAdd(metric, value)) return null;
        }
        return BaseMetrics.All(m => metrics.ContainsKey(m)) ? metrics : null;
    }
}
