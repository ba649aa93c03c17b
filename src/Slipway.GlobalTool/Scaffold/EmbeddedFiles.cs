namespace Slipway.GlobalTool.Scaffold;

/// <summary>Files of Slipway's own repository that the tool carries as resources (see the project file), byte for byte.</summary>
public static class EmbeddedFiles
{
    public static string Read(string name)
    {
        using var stream = typeof(EmbeddedFiles).Assembly.GetManifestResourceStream(name)
                           ?? throw new InvalidOperationException($"The tool lacks its resource {name}: it was packed without it.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
