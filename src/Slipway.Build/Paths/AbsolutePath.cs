namespace Slipway.Build;

/// <summary>A normalized absolute path; <c>root / "artifacts" / "images.json"</c> composes.</summary>
public sealed record AbsolutePath
{
    private AbsolutePath(string value) => Value = value;

    public string Value { get; }

    public string Name => System.IO.Path.GetFileName(Value);

    public AbsolutePath? Parent => System.IO.Path.GetDirectoryName(Value) is { } parent ? new AbsolutePath(parent) : null;

    public static AbsolutePath Create(string path) =>
        System.IO.Path.IsPathRooted(path)
            ? new AbsolutePath(System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(path)))
            : throw new ArgumentException($"'{path}' is not an absolute path.", nameof(path));

    /// <summary>Resolves <paramref name="path"/> against <paramref name="baseDirectory"/> unless it is already absolute.</summary>
    public static AbsolutePath Resolve(AbsolutePath baseDirectory, string path) =>
        Create(System.IO.Path.Combine(baseDirectory.Value, path));

    public static AbsolutePath operator /(AbsolutePath left, string right) => Resolve(left, right);

    public static implicit operator string(AbsolutePath path) => path.Value;

    public string RelativeTo(AbsolutePath baseDirectory) => System.IO.Path.GetRelativePath(baseDirectory.Value, Value);

    public bool IsUnder(AbsolutePath directory) =>
        Value == directory.Value || Value.StartsWith(directory.Value + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal);

    public override string ToString() => Value;
}
