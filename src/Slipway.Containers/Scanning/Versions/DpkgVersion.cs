namespace Slipway.Containers.Scanning.Versions;

/// <summary>
/// Debian's version ordering (deb-version(7)): [epoch:]upstream[-revision], where letters sort before
/// non-letters, '~' before everything (even the end of the string) and digit runs compare numerically.
/// </summary>
public sealed class DpkgVersion : IVersionScheme
{
    public static readonly DpkgVersion Scheme = new();

    public bool TryCompare(string left, string right, out int order)
    {
        order = 0;
        if (!TryParse(left, out var a) || !TryParse(right, out var b)) return false;
        order = a.Epoch.CompareTo(b.Epoch);
        if (order == 0) order = ComparePart(a.Upstream, b.Upstream);
        if (order == 0) order = ComparePart(a.Revision, b.Revision);
        order = Math.Sign(order);
        return true;
    }

    private static bool TryParse(string version, out (long Epoch, string Upstream, string Revision) parsed)
    {
        parsed = default;
        version = version.Trim();
        long epoch = 0;
        var colon = version.IndexOf(':');
        if (colon >= 0)
        {
            if (!long.TryParse(version.AsSpan(0, colon), out epoch) || epoch < 0) return false;
            version = version[(colon + 1)..];
        }
        var dash = version.LastIndexOf('-');
        var upstream = dash >= 0 ? version[..dash] : version;
        var revision = dash >= 0 ? version[(dash + 1)..] : "";
        if (upstream.Length == 0) return false;
        parsed = (epoch, upstream, revision);
        return true;
    }

    private static int ComparePart(string a, string b)
    {
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            // Non-digit run, character by character with dpkg's weights.
            while ((i < a.Length && !char.IsAsciiDigit(a[i])) || (j < b.Length && !char.IsAsciiDigit(b[j])))
            {
                var wa = Weight(a, i);
                var wb = Weight(b, j);
                if (wa != wb) return wa.CompareTo(wb);
                i++;
                j++;
            }

            // Digit run, numerically (leading zeros ignored).
            while (i < a.Length && a[i] == '0') i++;
            while (j < b.Length && b[j] == '0') j++;
            var startA = i;
            var startB = j;
            while (i < a.Length && char.IsAsciiDigit(a[i])) i++;
            while (j < b.Length && char.IsAsciiDigit(b[j])) j++;
            var lengthOrder = (i - startA).CompareTo(j - startB);
            if (lengthOrder != 0) return lengthOrder;
            var digitOrder = string.CompareOrdinal(a, startA, b, startB, i - startA);
            if (digitOrder != 0) return digitOrder;
        }
        return 0;
    }

    /// <summary>'~' sorts lowest, then the end of the part, then letters, then other characters.</summary>
    private static int Weight(string s, int index)
    {
        if (index >= s.Length || char.IsAsciiDigit(s[index])) return 0;
        var c = s[index];
        if (c == '~') return -1;
        if (char.IsAsciiLetter(c)) return c;
        return c + 256;
    }
}
