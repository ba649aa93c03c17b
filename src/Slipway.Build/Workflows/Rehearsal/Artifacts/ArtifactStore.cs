using Microsoft.Extensions.FileSystemGlobbing;

namespace Slipway.Build.Workflows.Rehearsal;

/// <summary>A step's failure, with the message the runner would give.</summary>
public sealed class StepFailedException(string message) : Exception(message);

/// <summary>
/// A folder in place of a run's artifact storage: each artifact is a folder of its name holding the uploaded files at
/// their paths relative to the upload's root. An artifact's name is taken once per run, as upload-artifact v4 takes it
/// (unless <c>overwrite</c>); downloads follow download-artifact v4: one by name into <c>path</c>, or every one (or those
/// matching <c>pattern</c>) into <c>path/&lt;name&gt;/</c>, or all into <c>path</c> with <c>merge-multiple</c>.
/// </summary>
public sealed class ArtifactStore(string folder)
{
    public string Folder { get; } = folder;

    public IReadOnlyList<string> Names =>
        Directory.Exists(Folder) ? Directory.GetDirectories(Folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList() : [];

    /// <returns>How many files were stored.</returns>
    public int Upload(string name, UploadSelection selection, bool overwrite)
    {
        if (name.Length == 0 || name.IndexOfAny(['/', '\\', ':', '"', '<', '>', '|', '*', '?', '\r', '\n']) >= 0)
            throw new StepFailedException($"The artifact name '{name}' is not valid: it may not be empty nor contain \" : < > | * ? \\ / or line breaks.");
        var target = Path.Combine(Folder, name);
        if (Directory.Exists(target))
        {
            if (!overwrite)
                throw new StepFailedException($"An artifact named '{name}' was uploaded before in this run; upload-artifact v4 refuses a second one unless overwrite: true.");
            Directory.Delete(target, recursive: true);
        }

        Directory.CreateDirectory(target);
        foreach (var file in selection.Files)
        {
            var destination = Path.Combine(target, Path.GetRelativePath(selection.Root, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return selection.Files.Count;
    }

    /// <param name="name">The artifact to download, or null for every one (or those <paramref name="pattern"/> matches).</param>
    /// <param name="destination">The absolute folder download-artifact's <c>path</c> names.</param>
    /// <param name="whyMissing">Explains an artifact of that name that is not in the store.</param>
    /// <returns>The artifacts downloaded.</returns>
    public IReadOnlyList<string> Download(string? name, string? pattern, string destination, bool mergeMultiple, Func<string, string?> whyMissing)
    {
        if (name is { Length: > 0 })
        {
            if (!Directory.Exists(Path.Combine(Folder, name)))
                throw new StepFailedException($"Artifact '{name}' not found{(whyMissing(name) is { } why ? $": {why}" : "")}. Uploaded in this run: {Describe(Names)}.");
            CopyTree(Path.Combine(Folder, name), destination);
            return [name];
        }

        var names = Names;
        if (pattern is { Length: > 0 })
        {
            var matcher = new Matcher(StringComparison.Ordinal).AddInclude(pattern);
            names = names.Where(n => matcher.Match(n).HasMatches).ToList();
        }

        foreach (var artifact in names)
            CopyTree(Path.Combine(Folder, artifact), mergeMultiple ? destination : Path.Combine(destination, artifact));
        return names;
    }

    private static string Describe(IReadOnlyList<string> names) => names.Count == 0 ? "none" : string.Join(", ", names);

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }

        Directory.CreateDirectory(to);
    }
}
