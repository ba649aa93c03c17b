using System.Text.RegularExpressions;

namespace Slipway.Containers.Scanning.Versions;

/// <summary>
/// PEP 440 ordering: epoch, release numbers (trailing zeros insignificant), pre-releases (a/b/rc and their
/// spellings), post- and dev-releases, then local labels: 1.0 &lt; 1.0+ubuntu1, segment by segment, numbers above words.
/// </summary>
public sealed partial class Pep440Scheme : IVersionScheme
{
    public static readonly Pep440Scheme Scheme = new();

    public bool TryCompare(string left, string right, out int order)
    {
        order = 0;
        if (!TryParse(left, out var a) || !TryParse(right, out var b)) return false;
        order = Math.Sign(a.CompareTo(b));
        return true;
    }

    [GeneratedRegex(@"^v?(?:(?<epoch>\d+)!)?(?<release>\d+(?:\.\d+)*)(?:[-_.]?(?<pre>a|b|c|rc|alpha|beta|pre|preview)[-_.]?(?<preN>\d+)?)?(?:-(?<postImplicit>\d+)|[-_.]?(?<postWord>post|rev|r)[-_.]?(?<post>\d+)?)?(?:[-_.]?(?<devWord>dev)[-_.]?(?<dev>\d+)?)?(?:\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    private static bool TryParse(string value, out Parsed parsed)
    {
        parsed = default!;
        var match = Pattern().Match(value.Trim());
        if (!match.Success) return false;
        var release = match.Groups["release"].Value.Split('.').Select(long.Parse).ToList();
        while (release.Count > 1 && release[^1] == 0) release.RemoveAt(release.Count - 1);

        (int Kind, long Number)? pre = match.Groups["pre"].Success
            ? (match.Groups["pre"].Value.ToLowerInvariant() switch { "a" or "alpha" => 0, "b" or "beta" => 1, _ => 2 }, Number(match.Groups["preN"]))
            : null;
        long? post = match.Groups["postImplicit"].Success ? long.Parse(match.Groups["postImplicit"].Value)
            : match.Groups["postWord"].Success ? Number(match.Groups["post"]) : null;
        long? dev = match.Groups["devWord"].Success ? Number(match.Groups["dev"]) : null;
        var local = match.Groups["local"].Success ? match.Groups["local"].Value.ToLowerInvariant().Split('-', '_', '.') : [];
        parsed = new Parsed(match.Groups["epoch"].Success ? long.Parse(match.Groups["epoch"].Value) : 0, release, pre, post, dev, local);
        return true;
    }

    private static long Number(Group group) => group.Success ? long.Parse(group.Value) : 0;

    private sealed record Parsed(long Epoch, List<long> Release, (int Kind, long Number)? Pre, long? Post, long? Dev, string[] Local) : IComparable<Parsed>
    {
        public int CompareTo(Parsed? other)
        {
            if (other is null) return 1;
            var order = Epoch.CompareTo(other.Epoch);
            if (order != 0) return order;
            for (var i = 0; i < Math.Max(Release.Count, other.Release.Count); i++)
            {
                order = (i < Release.Count ? Release[i] : 0).CompareTo(i < other.Release.Count ? other.Release[i] : 0);
                if (order != 0) return order;
            }
            order = PreKey(this).CompareTo(PreKey(other));
            if (order != 0) return order;
            order = (Post ?? -1).CompareTo(other.Post ?? -1);
            if (order != 0) return order;
            // A dev release sorts before the same version without one.
            order = (Dev ?? long.MaxValue).CompareTo(other.Dev ?? long.MaxValue);
            return order != 0 ? order : CompareLocal(Local, other.Local);
        }

        /// <summary>No label sorts first; then segment by segment, a number above a word, and a longer label above its prefix.</summary>
        private static int CompareLocal(string[] a, string[] b)
        {
            for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                var numberA = a[i].All(char.IsAsciiDigit);
                var numberB = b[i].All(char.IsAsciiDigit);
                var order = numberA != numberB ? numberA.CompareTo(numberB)
                    : numberA ? CompareDigits(a[i], b[i])
                    : string.CompareOrdinal(a[i], b[i]);
                if (order != 0) return order;
            }
            return a.Length.CompareTo(b.Length);
        }

        private static int CompareDigits(string a, string b)
        {
            a = a.TrimStart('0');
            b = b.TrimStart('0');
            return a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
        }

        /// <summary>1.0.dev1 &lt; 1.0a1 &lt; 1.0 ; a release without a pre part sorts after every pre-release of it.</summary>
        private static (int, long) PreKey(Parsed v) => v switch
        {
            { Pre: { } p } => (p.Kind, p.Number),
            { Post: null, Dev: not null } => (-1, 0),
            _ => (3, 0),
        };
    }
}
