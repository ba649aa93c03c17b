using System.Collections;
using System.Text.Json;

namespace Slipway.Build;

/// <summary>Raw parameter values from one place, keyed by normalized name (<see cref="ParameterDescriptor.NormalizeKey"/>).</summary>
public sealed record ParameterSource(string Origin, IReadOnlyDictionary<string, IReadOnlyList<string>> Values)
{
    /// <summary>Keys a parameters file may hold besides parameters: the targets to run and to skip.</summary>
    public static readonly IReadOnlyList<string> TargetKeys = ["target", "skip"];

    public static ParameterSource FromCommandLine(IReadOnlyDictionary<string, IReadOnlyList<string>> options, IReadOnlyList<ParameterDescriptor> known)
    {
        var values = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var (name, raw) in options)
        {
            var key = ParameterDescriptor.NormalizeKey(name);
            if (known.All(p => p.Key != key))
                throw new ParameterException(
                    $"Unknown parameter '--{name}'. Valid parameters: {string.Join(", ", known.Select(p => "--" + p.CliName))}.");
            values[key] = raw;
        }

        return new ParameterSource("command line", values);
    }

    /// <summary>Environment variables whose name matches a parameter with case, '-' and '_' ignored; empty ones count as unset.</summary>
    public static ParameterSource FromEnvironment(IDictionary environment, IReadOnlyList<ParameterDescriptor> known)
    {
        var values = new Dictionary<string, IReadOnlyList<string>>();
        foreach (DictionaryEntry entry in environment)
        {
            var key = ParameterDescriptor.NormalizeKey((string)entry.Key);
            if (entry.Value is string { Length: > 0 } value && known.Any(p => p.Key == key))
                values[key] = [value];
        }

        return new ParameterSource("environment", values);
    }

    /// <summary>A parameters.json file: keys are parameter names, values strings, numbers, booleans or arrays of them.</summary>
    public static ParameterSource FromJsonFile(AbsolutePath file, string origin, IReadOnlyList<ParameterDescriptor> known)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new ParameterException($"{file}: not valid JSON ({e.Message}).");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new ParameterException($"{file}: expected a JSON object of parameter names and values.");
            var values = new Dictionary<string, IReadOnlyList<string>>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name == "$schema") continue;
                var key = ParameterDescriptor.NormalizeKey(property.Name);
                if (known.All(p => p.Key != key) && !TargetKeys.Contains(key))
                    throw new ParameterException(
                        $"{file}: unknown parameter '{property.Name}'. Valid parameters: {string.Join(", ", known.Select(p => p.Name))}.");
                values[key] = property.Value.ValueKind == JsonValueKind.Array
                    ? property.Value.EnumerateArray().Select(e => Scalar(file, property.Name, e)).ToList()
                    : [Scalar(file, property.Name, property.Value)];
            }

            return new ParameterSource(origin, values);
        }
    }

    private static string Scalar(AbsolutePath file, string name, JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => throw new ParameterException($"{file}: parameter '{name}' must be a string, number, boolean or an array of them, not {element.ValueKind}."),
    };
}
