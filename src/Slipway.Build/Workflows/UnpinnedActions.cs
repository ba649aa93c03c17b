using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Slipway.Build.Workflows;

/// <summary>A <c>uses:</c> of a workflow file, with the line it is on.</summary>
public sealed record ActionUse(int Line, string Uses);

/// <summary>
/// Finds the <c>uses:</c> entries of a workflow file (steps and reusable workflows) that are not pinned to a full commit
/// SHA. Local actions (<c>./…</c>) are the repository's own code; a <c>docker://</c> image must be pinned by its digest.
/// </summary>
public static class UnpinnedActions
{
    public static IReadOnlyList<ActionUse> Find(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"not valid YAML at line {e.Start.Line}: {e.Message}", e);
        }

        var unpinned = new List<ActionUse>();
        foreach (var document in stream.Documents) Visit(document.RootNode, unpinned);
        return unpinned.OrderBy(u => u.Line).ToList();
    }

    public static bool IsPinned(string uses)
    {
        if (uses.StartsWith("./", StringComparison.Ordinal)) return true;
        if (uses.StartsWith("docker://", StringComparison.Ordinal)) return uses.Contains("@sha256:", StringComparison.Ordinal);
        var at = uses.LastIndexOf('@');
        return at > 0 && ActionPins.IsCommitSha(uses[(at + 1)..]);
    }

    private static void Visit(YamlNode node, List<ActionUse> unpinned)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is YamlScalarNode { Value: "uses" } && value is YamlScalarNode { Value: { } uses } && !IsPinned(uses))
                        unpinned.Add(new ActionUse((int)key.Start.Line, uses));
                    Visit(value, unpinned);
                }
                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence) Visit(item, unpinned);
                break;
        }
    }
}
