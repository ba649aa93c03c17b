namespace Slipway.Containers.Machine.Checks;

/// <summary>Finds programs the way a shell does, plus the sbin directories that a non-root PATH often lacks.</summary>
public static class Executables
{
    private static readonly string[] SystemDirectories = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];

    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Concat(SystemDirectories)
        .Select(directory => Path.Combine(directory, name))
        .FirstOrDefault(File.Exists);
}
