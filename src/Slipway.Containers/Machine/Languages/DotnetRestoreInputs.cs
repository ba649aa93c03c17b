using System.Security.Cryptography;
using System.Text;

namespace Slipway.Containers.Machine.Languages;

/// <summary>
/// What a <c>dotnet restore</c> of the projects depends on: the project files and the MSBuild and NuGet settings files
/// above them. While their hash is unchanged and every project has its assets file, restoring again would do nothing.
/// </summary>
public static class DotnetRestoreInputs
{
    private static readonly string[] SettingsFiles =
        ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "NuGet.config", "nuget.config", "NuGet.Config", "global.json"];

    public static string Hash(IReadOnlyList<string> projects)
    {
        var files = new SortedSet<string>(projects, StringComparer.Ordinal);
        foreach (var project in projects)
            for (var directory = Path.GetDirectoryName(project); directory is not null; directory = Path.GetDirectoryName(directory))
                foreach (var name in SettingsFiles)
                    if (File.Exists(Path.Combine(directory, name))) files.Add(Path.Combine(directory, name));

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file + "\n"));
            hash.AppendData(File.ReadAllBytes(file));
            hash.AppendData("\n"u8);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The assets file restore writes for a project (in the default obj/ directory).</summary>
    public static string AssetsFile(string project) => Path.Combine(Path.GetDirectoryName(project)!, "obj", "project.assets.json");
}
