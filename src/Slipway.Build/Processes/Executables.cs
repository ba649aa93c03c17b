namespace Slipway.Build.Processes;

/// <summary>
/// Finds programs the way a shell does, on the PATH of the build's environment, plus the sbin directories that a
/// non-root PATH often lacks.
/// </summary>
public sealed class Executables(IReadOnlyDictionary<string, string> environment)
{
    private static readonly string[] SystemDirectories = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];

    public string? Find(string name) =>
        environment.GetValueOrDefault("PATH", "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(SystemDirectories)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
