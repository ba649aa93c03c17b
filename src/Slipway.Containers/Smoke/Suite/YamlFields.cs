using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Slipway.Containers.Smoke.Suite;

/// <summary>
/// A YAML mapping read field by field; every problem becomes a <see cref="SmokeFileException"/> naming the file,
/// the check and the field's path (e.g. <c>steps[1].expect.status</c>).
/// </summary>
internal sealed class YamlFields(string file, string? check, string path, YamlMappingNode node)
{
    public string? Check => check;

    private IDictionary<YamlNode, YamlNode> Children => node.Children;

    public static YamlFields Of(string file, string? check, string path, YamlNode? node) =>
        node is YamlMappingNode mapping
            ? new YamlFields(file, check, path, mapping)
            : throw SmokeFileException.At(file, check, path.Length == 0 ? null : path, $"expected a mapping, got {Describe(node)}.");

    public YamlFields WithCheck(string? name) => new(file, name, path, node);

    public string PathOf(string key) => path.Length == 0 ? key : $"{path}.{key}";

    public SmokeFileException Error(string key, string problem) => SmokeFileException.At(file, check, PathOf(key), problem);

    public SmokeFileException ErrorHere(string problem) => SmokeFileException.At(file, check, path.Length == 0 ? null : path, problem);

    public bool Has(string key) => node.Children.ContainsKey(new YamlScalarNode(key));

    public YamlNode? Node(string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public void AllowOnly(params string[] keys)
    {
        foreach (var key in node.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!keys.Contains(name))
                throw SmokeFileException.At(file, check, PathOf(name), $"unknown field; expected one of {string.Join(", ", keys)}.");
        }
    }

    public string? String(string key) => Node(key) switch
    {
        null => null,
        YamlScalarNode scalar => scalar.Value ?? "",
        var other => throw Error(key, $"expected a string, got {Describe(other)}."),
    };

    public string RequiredString(string key) =>
        String(key) is { Length: > 0 } value ? value : throw Error(key, "is required (a non-empty string).");

    public int? Int(string key, int min, int max, string what)
    {
        var text = String(key);
        if (text is null) return null;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Error(key, $"expected {what} ({min}-{max}), got '{text}'.");
    }

    public TimeSpan? Duration(string key)
    {
        var text = String(key);
        if (text is null) return null;
        return Suite.Duration.TryParse(text, out var value)
            ? value
            : throw Error(key, $"expected a duration such as 500ms, 30s or 2m, got '{text}'.");
    }

    public YamlFields? Mapping(string key) => Node(key) is { } value ? Of(file, check, PathOf(key), value) : null;

    public IReadOnlyList<YamlNode> Sequence(string key) => Node(key) switch
    {
        null => [],
        YamlSequenceNode sequence => sequence.Children.ToList(),
        var other => throw Error(key, $"expected a list, got {Describe(other)}."),
    };

    /// <summary>A string, or a list of strings.</summary>
    public IReadOnlyList<string> Strings(string key) => Node(key) switch
    {
        null => [],
        YamlScalarNode scalar => [scalar.Value ?? ""],
        YamlSequenceNode sequence => sequence.Children.Select((item, i) => item is YamlScalarNode s
            ? s.Value ?? ""
            : throw SmokeFileException.At(file, check, $"{PathOf(key)}[{i}]", $"expected a string, got {Describe(item)}.")).ToList(),
        var other => throw Error(key, $"expected a string or a list of strings, got {Describe(other)}."),
    };

    /// <summary>A mapping of names to strings (headers, JSONPath expectations, captures).</summary>
    public IReadOnlyDictionary<string, string> StringMap(string key)
    {
        if (Mapping(key) is not { } fields) return new Dictionary<string, string>();
        return fields.Children.ToDictionary(
            c => (c.Key as YamlScalarNode)?.Value is { Length: > 0 } name ? name : throw Error(key, "has an empty or non-string key."),
            c => c.Value is YamlScalarNode value
                ? value.Value ?? ""
                : throw SmokeFileException.At(file, check, $"{PathOf(key)}.{((YamlScalarNode)c.Key).Value}", $"expected a string, got {Describe(c.Value)}."));
    }

    public static string Describe(YamlNode? node) => node switch
    {
        null => "nothing",
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode scalar => $"'{scalar.Value}'",
        _ => node.NodeType.ToString(),
    };
}
