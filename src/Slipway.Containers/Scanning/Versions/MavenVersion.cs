namespace Slipway.Containers.Scanning.Versions;

/// <summary>
/// Maven's version order (the POM reference's "Version Order Specification", which ComparableVersion implements):
/// tokens split at '.', '-' and digit/letter transitions, numbers compared as numbers, qualifiers in the order
/// alpha &lt; beta &lt; milestone &lt; rc = cr &lt; snapshot &lt; (release: "", ga, final, release) &lt; sp &lt; any other (alphabetically),
/// case-insensitive. So 1.9 &lt; 1.10.0 and 2.15.0-rc1 &lt; 2.15.0 &lt; 2.15.0-sp1.
/// </summary>
public sealed class MavenVersion : IVersionScheme
{
    public static readonly MavenVersion Scheme = new();

    private static readonly string[] KnownQualifiers = ["alpha", "beta", "milestone", "rc", "snapshot", "", "sp"];

    /// <summary>One token: a number (digits without leading zeros) or a qualifier, with the separator before it.</summary>
    private readonly record struct Token(bool Hyphen, string? Number, string? Qualifier)
    {
        /// <summary>0, "", ga, final and release: trimmed at the end, and padded in where the other version is longer.</summary>
        public bool IsNull => Number == "0" || Qualifier == "";

        /// <summary>".qualifier" = "-qualifier" &lt; "-number" &lt; ".number".</summary>
        public int Rank => Qualifier is not null ? 0 : Hyphen ? 1 : 2;
    }

    public bool TryCompare(string left, string right, out int order)
    {
        order = 0;
        if (Parse(left) is not { } a || Parse(right) is not { } b) return false;
        for (var i = 0; i < Math.Max(a.Count, b.Count) && order == 0; i++)
            order = CompareTokens(i < a.Count ? a[i] : Padding(b[i]), i < b.Count ? b[i] : Padding(a[i]));
        return true;
    }

    /// <summary>What a shorter version counts as where the other has a token: 0 after '.', the empty qualifier after '-'.</summary>
    private static Token Padding(Token other) => other.Hyphen ? new Token(true, null, "") : new Token(false, "0", null);

    private static int CompareTokens(Token a, Token b)
    {
        if (a.Rank != b.Rank) return a.Rank.CompareTo(b.Rank);
        if (a.Qualifier is not null) return CompareQualifiers(a.Qualifier, b.Qualifier!);
        return a.Number!.Length != b.Number!.Length ? a.Number.Length.CompareTo(b.Number.Length) : Math.Sign(string.CompareOrdinal(a.Number, b.Number));
    }

    private static int CompareQualifiers(string a, string b)
    {
        var rankA = Array.IndexOf(KnownQualifiers, a) is var i && i >= 0 ? i : KnownQualifiers.Length;
        var rankB = Array.IndexOf(KnownQualifiers, b) is var j && j >= 0 ? j : KnownQualifiers.Length;
        return rankA != rankB ? rankA.CompareTo(rankB) : Math.Sign(string.CompareOrdinal(a, b));
    }

    /// <summary>The version's tokens with null values trimmed at its end and before each hyphen; null for an empty string.</summary>
    private static List<Token>? Parse(string version)
    {
        version = version.Trim().ToLowerInvariant();
        if (version.Length == 0) return null;
        var tokens = new List<Token>();
        var start = 0;
        var hyphen = false;
        for (var i = 0; i < version.Length; i++)
        {
            var c = version[i];
            if (c is '.' or '-')
            {
                tokens.Add(Read(version[start..i], hyphen, followedByDigit: false));
                hyphen = c == '-';
                start = i + 1;
            }
            else if (i > start && char.IsAsciiDigit(c) != char.IsAsciiDigit(version[i - 1]))
            {
                // A transition between letters and digits separates as a hyphen does: 1.0alpha1 is 1.0-alpha-1.
                tokens.Add(Read(version[start..i], hyphen, followedByDigit: char.IsAsciiDigit(c)));
                hyphen = true;
                start = i;
            }
        }
        tokens.Add(Read(version[start..], hyphen, followedByDigit: false));

        while (tokens.Count > 0 && tokens[^1].IsNull) tokens.RemoveAt(tokens.Count - 1);
        for (var i = tokens.Count - 1; i > 0; i--)
            if (tokens[i].Hyphen)
                while (i > 0 && tokens[i - 1].IsNull)
                    tokens.RemoveAt(--i);
        return tokens;
    }

    private static Token Read(string text, bool hyphen, bool followedByDigit)
    {
        if (text.Length == 0) return new Token(hyphen, "0", null);
        if (text.All(char.IsAsciiDigit)) return new Token(hyphen, text.TrimStart('0') is { Length: > 0 } digits ? digits : "0", null);
        var qualifier = text switch
        {
            // a1, b1 and m1 are alpha-1, beta-1 and milestone-1; a lone "a" is just a word.
            "a" when followedByDigit => "alpha",
            "b" when followedByDigit => "beta",
            "m" when followedByDigit => "milestone",
            "cr" => "rc",
            "ga" or "final" or "release" => "",
            _ => text,
        };
        // A qualifier after a dot counts as after a hyphen: 1.foo = 1-foo.
        return new Token(true, null, qualifier);
    }
}
