using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Slipway.Build.Workflows;

/// <summary>
/// Writes a YAML node tree deterministically: keys in the order they were added, block style, no line folding,
/// strings quoted exactly when a YAML 1.1 or 1.2 reader would take them for a boolean, null or number.
/// </summary>
internal static partial class YamlText
{
    public static YamlScalarNode String(string value) =>
        new(value) { Style = value.Contains('\n') ? ScalarStyle.Literal : IsAmbiguous(value) ? ScalarStyle.SingleQuoted : ScalarStyle.Any };

    /// <summary>A number or boolean, written plain.</summary>
    public static YamlScalarNode Value(object value) => value switch
    {
        bool b => new YamlScalarNode(b ? "true" : "false") { Style = ScalarStyle.Plain },
        int i => new YamlScalarNode(i.ToString(CultureInfo.InvariantCulture)) { Style = ScalarStyle.Plain },
        string s => String(s),
        _ => throw new ArgumentException($"{value.GetType().Name} is not a YAML scalar type here.", nameof(value)),
    };

    public static YamlSequenceNode Strings(IEnumerable<string> values) => new(values.Select(v => (YamlNode)String(v)));

    /// <param name="root">The document.</param>
    /// <param name="comments">Comments written after a scalar on its line, by node (e.g. the version beside a pinned action's SHA).</param>
    public static string Write(YamlNode root, IReadOnlyDictionary<YamlNode, string>? comments = null)
    {
        var writer = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(writer, new EmitterSettings(2, int.MaxValue, false, 1024, false, true, "\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, true));
        Emit(emitter, root, comments ?? new Dictionary<YamlNode, string>());
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static void Emit(IEmitter emitter, YamlNode node, IReadOnlyDictionary<YamlNode, string> comments)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                var plain = scalar.Style is ScalarStyle.Any or ScalarStyle.Plain;
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, scalar.Value ?? "", scalar.Style, plain, !plain));
                if (comments.TryGetValue(scalar, out var comment)) emitter.Emit(new Comment(comment, isInline: true));
                break;
            case YamlSequenceNode sequence:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));
                foreach (var item in sequence) Emit(emitter, item, comments);
                emitter.Emit(new SequenceEnd());
                break;
            case YamlMappingNode mapping:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, mapping.Children.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, value) in mapping.Children)
                {
                    Emit(emitter, key, comments);
                    Emit(emitter, value, comments);
                }

                emitter.Emit(new MappingEnd());
                break;
            default:
                throw new ArgumentException($"Unexpected YAML node {node.GetType().Name}.", nameof(node));
        }
    }

    private static bool IsAmbiguous(string value) => value.Length == 0 || Ambiguous().IsMatch(value);

    // YAML 1.1's booleans and nulls (yes/no/on/off/y/n, ~), and numbers of 1.1 and 1.2 (ints, floats, hex, octal, sexagesimal, .inf, .nan).
    [GeneratedRegex(@"^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF" +
                    @"|[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?" +
                    @"|[-+]?0x[0-9a-fA-F_]+|[-+]?0o?[0-7_]+|[-+]?0b[01_]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?" +
                    @"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")]
    private static partial Regex Ambiguous();
}
