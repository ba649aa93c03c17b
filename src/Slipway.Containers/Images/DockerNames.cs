using System.Text;

namespace Slipway.Containers.Images;

/// <summary>
/// The names Docker and registries accept, made from names that may not fit, by docker/metadata-action's rule:
/// lowercase, and any other character '-'. Every image name, tag and project Slipway derives goes through here.
/// </summary>
public static class DockerNames
{
    public const int MaxTagLength = 128;

    /// <summary>A repository path component or compose project name: <c>[a-z0-9._-]</c>, starting and ending with a letter or digit.</summary>
    public static string Component(string name) => Replace(name).Trim('.', '_', '-');

    /// <summary>A tag: <c>[a-z0-9_.-]</c>, not starting with '.' or '-', at most 128 characters; empty when nothing is left.</summary>
    public static string Tag(string name)
    {
        var tag = Replace(name).TrimStart('.', '-');
        return tag.Length > MaxTagLength ? tag[..MaxTagLength] : tag;
    }

    private static string Replace(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant()) builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-');
        return builder.ToString();
    }
}
