using System.Globalization;

namespace Slipway.Containers.Scanning.Advisories;

/// <summary>The CVSS v3.x base score of a vector string (the specification's formulas), as OSV gives severities as vectors.</summary>
public static class Cvss3
{
    public static double? BaseScore(string vector)
    {
        if (!vector.StartsWith("CVSS:3.", StringComparison.Ordinal)) return null;
        var metrics = vector.Split('/').Skip(1).Select(p => p.Split(':')).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        string? Get(string key) => metrics.GetValueOrDefault(key);
        var changed = Get("S") switch { "U" => false, "C" => true, _ => (bool?)null };
        double? av = Get("AV") switch { "N" => 0.85, "A" => 0.62, "L" => 0.55, "P" => 0.2, _ => null };
        double? ac = Get("AC") switch { "L" => 0.77, "H" => 0.44, _ => null };
        double? pr = Get("PR") switch { "N" => 0.85, "L" => changed == true ? 0.68 : 0.62, "H" => changed == true ? 0.5 : 0.27, _ => null };
        double? ui = Get("UI") switch { "N" => 0.85, "R" => 0.62, _ => null };
        double? Cia(string key) => Get(key) switch { "H" => 0.56, "L" => 0.22, "N" => 0, _ => null };
        if (changed is null || av is null || ac is null || pr is null || ui is null || Cia("C") is not { } c || Cia("I") is not { } i || Cia("A") is not { } a) return null;

        var iss = 1 - (1 - c) * (1 - i) * (1 - a);
        var impact = changed.Value ? 7.52 * (iss - 0.029) - 3.25 * Math.Pow(iss - 0.02, 15) : 6.42 * iss;
        var exploitability = 8.22 * av.Value * ac.Value * pr.Value * ui.Value;
        if (impact <= 0) return 0;
        return RoundUp(Math.Min(changed.Value ? 1.08 * (impact + exploitability) : impact + exploitability, 10));
    }

    /// <summary>CVSS 3.1's Roundup: the smallest one-decimal number not below the input, robust to floating-point noise.</summary>
    private static double RoundUp(double value)
    {
        var integer = (long)Math.Round(value * 100000);
        return integer % 10000 == 0 ? integer / 100000.0 : (Math.Floor(integer / 10000.0) + 1) / 10.0;
    }

    public static string Format(double score) => score.ToString("0.0", CultureInfo.InvariantCulture);
}
