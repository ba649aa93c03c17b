using Slipway.Build;

namespace Slipway.Containers.Compose;

/// <summary>
/// The stacks this checkout started and has not taken down. ComposeUp writes each project's image override under
/// .nuke/temp/compose before it starts the project, and ComposeDown deletes it once the project is gone, so a later
/// run finds what --keep-stack kept or a killed run left behind, by file, with nothing to guess from labels.
/// </summary>
public sealed class StartedStacks(AbsolutePath directory)
{
    private const string Suffix = ".images.yaml";

    public AbsolutePath OverrideFile(string project) => directory / (project + Suffix);

    public IReadOnlyList<string> Projects() =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*" + Suffix).Select(f => Path.GetFileName(f)[..^Suffix.Length]).Order(StringComparer.Ordinal).ToList()
            : [];

    public void Forget(string project) => File.Delete(OverrideFile(project));
}
