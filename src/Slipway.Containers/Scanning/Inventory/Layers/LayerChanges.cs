namespace Slipway.Containers.Scanning.Inventory.Layers;

/// <summary>What one layer changes among the package files: files it writes, paths it removes, directories it makes opaque.</summary>
public sealed class LayerChanges
{
    /// <summary>Package files this layer writes, by normalized path.</summary>
    public Dictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>Paths this layer puts something else than a regular file at (a symlink, a directory), hiding a lower file there.</summary>
    public HashSet<string> Replaced { get; } = new(StringComparer.Ordinal);

    /// <summary>Paths deleted by whiteout files (<c>.wh.name</c>): the path and everything under it in lower layers.</summary>
    public HashSet<string> WhiteOuts { get; } = new(StringComparer.Ordinal);

    /// <summary>Directories marked opaque (<c>.wh..wh..opq</c>): their lower layers' content is hidden.</summary>
    public HashSet<string> OpaqueDirectories { get; } = new(StringComparer.Ordinal);
}
