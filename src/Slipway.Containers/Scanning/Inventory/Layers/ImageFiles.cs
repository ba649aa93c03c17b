namespace Slipway.Containers.Scanning.Inventory.Layers;

/// <summary>The package files of one platform's filesystem: its layers' changes applied bottom to top.</summary>
public sealed class ImageFiles
{
    private readonly SortedDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, byte[]> Files => _files;

    public static ImageFiles Merge(IEnumerable<LayerChanges> layersBottomUp)
    {
        var image = new ImageFiles();
        foreach (var layer in layersBottomUp) image.Apply(layer);
        return image;
    }

    /// <summary>A layer's whiteouts hide what lower layers had; then its own files are laid over.</summary>
    private void Apply(LayerChanges layer)
    {
        foreach (var directory in layer.OpaqueDirectories) RemoveUnder(directory, includeSelf: false);
        foreach (var path in layer.WhiteOuts) RemoveUnder(path, includeSelf: true);
        foreach (var path in layer.Replaced) RemoveUnder(path, includeSelf: true);
        foreach (var (path, content) in layer.Files) _files[path] = content;
    }

    private void RemoveUnder(string path, bool includeSelf)
    {
        if (includeSelf) _files.Remove(path);
        var prefix = path.Length == 0 ? "" : path + "/";
        foreach (var key in _files.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList()) _files.Remove(key);
    }

    public string? Text(string path) => _files.TryGetValue(path, out var content) ? System.Text.Encoding.UTF8.GetString(content) : null;

    /// <summary>Files whose path satisfies the predicate, in path order.</summary>
    public IEnumerable<(string Path, string Text)> Where(Func<string, bool> predicate) =>
        _files.Where(f => predicate(f.Key)).Select(f => (f.Key, System.Text.Encoding.UTF8.GetString(f.Value)));
}
