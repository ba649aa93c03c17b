using System.Globalization;
using System.Text.Json;

namespace Slipway.Build.Workflows.Rehearsal;

/// <summary>
/// GitHub's expression values and their rules: null, booleans, numbers (doubles), strings, objects (case-insensitive keys)
/// and arrays; truthiness, loose equality by coercion to numbers, case-insensitive string comparison, and how a value
/// reads when spliced into text.
/// </summary>
public static class ExpressionValue
{
    public static IReadOnlyDictionary<string, object?> Object(IEnumerable<KeyValuePair<string, object?>> members) =>
        new Dictionary<string, object?>(members, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyDictionary<string, object?> Strings(IEnumerable<KeyValuePair<string, string>> members) =>
        Object(members.Select(m => KeyValuePair.Create(m.Key, (object?)m.Value)));

    public static bool IsTruthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        double d => d != 0 && !double.IsNaN(d),
        string s => s.Length > 0,
        _ => true,
    };

    /// <summary>The text a value becomes in <c>${{ }}</c> inside a string: null is empty, numbers as GitHub writes them.</summary>
    public static string ToText(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        double d => Number(d),
        string s => s,
        IReadOnlyList<object?> => "Array",
        _ => "Object",
    };

    public static string Number(double d) =>
        double.IsNaN(d) ? "NaN"
        : double.IsPositiveInfinity(d) ? "Infinity"
        : double.IsNegativeInfinity(d) ? "-Infinity"
        : d == Math.Floor(d) && Math.Abs(d) < 1e15 ? ((long)d).ToString(CultureInfo.InvariantCulture)
        : d.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A value as a number: null 0, booleans 1 and 0, strings parsed (empty is 0, others NaN), objects and arrays NaN.</summary>
    public static double ToNumber(object? value) => value switch
    {
        null => 0,
        bool b => b ? 1 : 0,
        double d => d,
        string s => ParseNumber(s),
        _ => double.NaN,
    };

    private static double ParseNumber(string text)
    {
        text = text.Trim();
        if (text.Length == 0) return 0;
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            return long.TryParse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex) ? hex : double.NaN;
        if (text.StartsWith("0o", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return Convert.ToInt64(text[2..], 8);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
            {
                return double.NaN;
            }
        }
        return text switch
        {
            "Infinity" or "+Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN,
        };
    }

    /// <summary><c>==</c>: same kinds compare as they are (strings ignoring case, objects by identity); different kinds as numbers.</summary>
    public static bool AreEqual(object? left, object? right)
    {
        if (Kind(left) == Kind(right))
            return left switch
            {
                null => true,
                bool b => b == (bool)right!,
                double d => d == (double)right!,
                string s => string.Equals(s, (string)right!, StringComparison.OrdinalIgnoreCase),
                _ => ReferenceEquals(left, right),
            };
        var (l, r) = (ToNumber(left), ToNumber(right));
        return l == r;
    }

    /// <summary>The order of <c>&lt;</c> and friends; null when the values don't compare (NaN, objects), which makes every comparison false.</summary>
    public static int? Compare(object? left, object? right)
    {
        if (left is string ls && right is string rs) return string.Compare(ls, rs, StringComparison.OrdinalIgnoreCase);
        var (l, r) = (ToNumber(left), ToNumber(right));
        return double.IsNaN(l) || double.IsNaN(r) ? null : l.CompareTo(r);
    }

    private static int Kind(object? value) => value switch
    {
        null => 0,
        bool => 1,
        double => 2,
        string => 3,
        IReadOnlyList<object?> => 4,
        _ => 5,
    };

    public static string ToJson(object? value) => JsonSerializer.Serialize(ToJsonReady(value), new JsonSerializerOptions { WriteIndented = true });

    private static object? ToJsonReady(object? value) => value switch
    {
        IReadOnlyList<object?> list => list.Select(ToJsonReady).ToList(),
        IReadOnlyDictionary<string, object?> map => map.ToDictionary(m => m.Key, m => ToJsonReady(m.Value)),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => (long)d,
        _ => value,
    };

    public static object? FromJson(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return FromElement(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new ExpressionException($"fromJSON: '{json}' is not JSON ({e.Message}).");
        }
    }

    private static object? FromElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => Object(element.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, FromElement(p.Value)))),
        JsonValueKind.Array => element.EnumerateArray().Select(FromElement).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
