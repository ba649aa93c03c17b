using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Slipway.Containers.Smoke.Running;

/// <summary>JSONPath over a response body with Newtonsoft's SelectToken; values are compared as their JSON text.</summary>
public static class JsonBody
{
    /// <summary>Parses without turning date-like strings into dates, so a value reads back exactly as sent.</summary>
    public static JToken? TryParse(string body)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(body)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
            var token = JToken.ReadFrom(reader);
            return reader.Read() ? null : token;
        }
        catch (JsonReaderException)
        {
            return null;
        }
    }

    /// <summary>Why <paramref name="path"/> is not a JSONPath expression Newtonsoft can evaluate, or null when it is.</summary>
    public static string? PathError(string path)
    {
        try
        {
            new JObject().SelectToken(path);
            return null;
        }
        // Newtonsoft's JPath reports some malformed expressions with an IndexOutOfRangeException instead of a JsonException.
        catch (Exception e) when (e is JsonException or IndexOutOfRangeException or ArgumentException)
        {
            return e is IndexOutOfRangeException ? "it ends before the expression is complete" : e.Message;
        }
    }

    /// <summary>The value at <paramref name="path"/> as text (strings unquoted, true/false/null as JSON writes them), or null when nothing matches.</summary>
    public static string? Select(JToken document, string path)
    {
        var token = document.SelectToken(path);
        return token switch
        {
            null => null,
            JValue { Type: JTokenType.Null } => "null",
            JValue { Value: bool flag } => flag ? "true" : "false",
            JValue value => Convert.ToString(value.Value, CultureInfo.InvariantCulture),
            _ => token.ToString(Formatting.None),
        };
    }
}
