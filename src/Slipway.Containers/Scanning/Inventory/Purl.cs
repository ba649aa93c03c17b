using System.Text;

namespace Slipway.Containers.Scanning.Inventory;

/// <summary>Builds package URLs (github.com/package-url/purl-spec): <c>pkg:type/namespace/name@version?qualifiers</c>.</summary>
public static class Purl
{
    public static string Create(string type, string? @namespace, string name, string version, IEnumerable<(string Key, string? Value)>? qualifiers = null)
    {
        var purl = new StringBuilder("pkg:").Append(type).Append('/');
        if (!string.IsNullOrEmpty(@namespace))
            purl.Append(string.Join('/', @namespace.Split('/').Select(Encode))).Append('/');
        purl.Append(Encode(name)).Append('@').Append(Encode(version));
        var present = (qualifiers ?? []).Where(q => !string.IsNullOrEmpty(q.Value)).OrderBy(q => q.Key, StringComparer.Ordinal).ToList();
        if (present.Count > 0)
            purl.Append('?').AppendJoin('&', present.Select(q => $"{q.Key}={Encode(q.Value!)}"));
        return purl.ToString();
    }

    /// <summary>Percent-encodes all but the unreserved characters: '+' and ':' in versions become %2B and %3A, as the spec asks.</summary>
    private static string Encode(string value) => Uri.EscapeDataString(value);
}
