namespace Slipway.Containers.Scanning.Versions;

/// <summary>
/// Alpine's apk ordering of versions written digits{.digits}[letter]{_suffix[digits]}[~hash][-rN]: part by part,
/// numbers as numbers (a dotted part with a leading zero as text, as in Gentoo's rules that apk follows), one lower-case
/// letter, suffixes in the order _alpha &lt; _beta &lt; _pre &lt; _rc &lt; (none) &lt; _cvs &lt; _svn &lt; _git &lt; _hg &lt; _p,
/// then the package release -rN. Where one version goes on and the other has ended, the longer one is the later,
/// unless what follows is a pre-release suffix.
/// </summary>
public sealed class ApkVersion : IVersionScheme
{
    public static readonly ApkVersion Scheme = new();

    /// <summary>The parts of a version in the order they may appear; at the first place two versions differ in kind, the
    /// version whose next part comes later in this order (or has ended) is the earlier version.</summary>
    private enum Kind
    {
        First,
        Dotted,
        Letter,
        Suffix,
        SuffixNumber,
        Hash,
        Release,
        End,
    }

    private readonly record struct Part(Kind Kind, string Text, int SuffixRank = 0);

    /// <summary>Below zero, a pre-release: before the version without a suffix; above, after it.</summary>
    private static readonly Dictionary<string, int> SuffixRanks = new(StringComparer.Ordinal)
    {
        ["alpha"] = -4, ["beta"] = -3, ["pre"] = -2, ["rc"] = -1,
        ["cvs"] = 1, ["svn"] = 2, ["git"] = 3, ["hg"] = 4, ["p"] = 5,
    };

    public bool TryCompare(string left, string right, out int order)
    {
        order = 0;
        if (Parse(left.Trim()) is not { } a || Parse(right.Trim()) is not { } b) return false;
        order = Compare(a, b);
        return true;
    }

    private static int Compare(List<Part> a, List<Part> b)
    {
        var i = 0;
        for (; a[i].Kind == b[i].Kind; i++)
        {
            if (a[i].Kind == Kind.End) return 0;
            var order = CompareSameKind(a[i], b[i]);
            if (order != 0) return order;
        }
        if (a[i] is { Kind: Kind.Suffix, SuffixRank: < 0 }) return -1;
        if (b[i] is { Kind: Kind.Suffix, SuffixRank: < 0 }) return 1;
        return a[i].Kind > b[i].Kind ? -1 : 1;
    }

    private static int CompareSameKind(Part a, Part b) => a.Kind switch
    {
        Kind.Letter or Kind.Hash => Math.Sign(string.CompareOrdinal(a.Text, b.Text)),
        Kind.Suffix => a.SuffixRank.CompareTo(b.SuffixRank),
        Kind.Dotted when a.Text[0] == '0' || b.Text[0] == '0' => Math.Sign(string.CompareOrdinal(a.Text, b.Text)),
        _ => CompareNumbers(a.Text, b.Text),
    };

    /// <summary>Digit strings by value, without a limit on their length (dates and timestamps appear as numbers).</summary>
    private static int CompareNumbers(string a, string b)
    {
        a = a.TrimStart('0');
        b = b.TrimStart('0');
        return a.Length != b.Length ? a.Length.CompareTo(b.Length) : Math.Sign(string.CompareOrdinal(a, b));
    }

    /// <summary>The version's parts ending with <see cref="Kind.End"/>, or null when it is not an apk version.</summary>
    private static List<Part>? Parse(string version)
    {
        var i = 0;
        if (Digits(version, ref i) is not { } first) return null;
        var parts = new List<Part> { new(Kind.First, first) };
        while (i < version.Length)
        {
            if (NextPart(version, ref i, parts[^1].Kind) is not { } next) return null;
            parts.Add(next);
        }
        parts.Add(new Part(Kind.End, ""));
        return parts;
    }

    /// <summary>The part that starts at i, i moved past it; null when it is malformed or may not follow a part of kind <paramref name="previous"/>.</summary>
    private static Part? NextPart(string s, ref int i, Kind previous)
    {
        var c = s[i];
        if (c is >= 'a' and <= 'z') return previous <= Kind.Dotted ? new Part(Kind.Letter, s[i++].ToString()) : null;
        if (char.IsAsciiDigit(c)) return previous == Kind.Suffix ? new Part(Kind.SuffixNumber, Digits(s, ref i)!) : null;
        i++;
        return c switch
        {
            '.' when previous <= Kind.Dotted => Digits(s, ref i) is { } digits ? new Part(Kind.Dotted, digits) : null,
            '_' when previous <= Kind.SuffixNumber => Suffix(s, ref i),
            '~' when previous < Kind.Hash => Hash(s, ref i),
            '-' when previous < Kind.Release && i < s.Length && s[i++] == 'r' => Digits(s, ref i) is { } release ? new Part(Kind.Release, release) : null,
            _ => null,
        };
    }

    private static string? Digits(string s, ref int i) => Run(s, ref i, char.IsAsciiDigit);

    private static Part? Suffix(string s, ref int i) =>
        Run(s, ref i, char.IsAsciiLetterLower) is { } name && SuffixRanks.TryGetValue(name, out var rank) ? new Part(Kind.Suffix, name, rank) : null;

    private static Part? Hash(string s, ref int i) =>
        Run(s, ref i, c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f') is { } hash ? new Part(Kind.Hash, hash) : null;

    /// <summary>The run of characters from i that satisfy the predicate, i moved past it; null when the run is empty.</summary>
    private static string? Run(string s, ref int i, Func<char, bool> predicate)
    {
        var start = i;
        while (i < s.Length && predicate(s[i])) i++;
        return i > start ? s[start..i] : null;
    }
}
