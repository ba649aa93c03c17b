namespace Slipway.GlobalTool.Scaffold;

/// <summary>How the build project gets Slipway: the packages at a version (any repository) or the projects (Slipway's own).</summary>
public abstract record BuildReferences
{
    public static readonly IReadOnlyList<string> Libraries = ["Slipway.Build", "Slipway.Containers"];

    private BuildReferences()
    {
    }

    /// <summary>Package references at <paramref name="Version"/>, the tool's own.</summary>
    public sealed record Packages(string Version) : BuildReferences;

    /// <summary>Project references into <paramref name="SourceFolder"/>, relative to build/ (Windows separators, as MSBuild files use).</summary>
    public sealed record Projects(string SourceFolder) : BuildReferences;

    public IEnumerable<string> Items() => this switch
    {
        Packages p => Libraries.Select(l => $"""<PackageReference Include="{l}" Version="{p.Version}" />"""),
        Projects p => Libraries.Select(l => $"""<ProjectReference Include="{p.SourceFolder}\{l}\{l}.csproj" />"""),
        _ => throw new InvalidOperationException(),
    };
}
