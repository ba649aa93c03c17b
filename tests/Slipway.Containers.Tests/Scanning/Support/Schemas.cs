using NJsonSchema;

namespace Slipway.Containers.Tests.Scanning.Support;

/// <summary>
/// The published schemas kept outside the repository (../shared/schemas from the repository root, or SLIPWAY_SCHEMAS).
/// Missing schemas fail the conformance tests with the reason, they never skip them silently.
/// </summary>
internal static class Schemas
{
    public static async Task<JsonSchema> LoadAsync(string relativePath)
    {
        var directory = Environment.GetEnvironmentVariable("SLIPWAY_SCHEMAS") is { Length: > 0 } configured ? configured : Path.Combine(RepositoryRoot(), "..", "shared", "schemas");
        var file = Path.GetFullPath(Path.Combine(directory, relativePath));
        Assert.True(File.Exists(file),
            $"Schema {file} not found: conformance against published schemas cannot be checked. Put the schemas in ../shared/schemas next to the repository or point SLIPWAY_SCHEMAS at them.");
        return await JsonSchema.FromFileAsync(file);
    }

    public static void AssertValid(JsonSchema schema, string json)
    {
        var errors = schema.Validate(json);
        Assert.True(errors.Count == 0, "Schema violations:\n" + string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind} {e}")));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Solution.sln"))) return directory.FullName;
        throw new InvalidOperationException($"No Solution.sln above {AppContext.BaseDirectory}: cannot find the repository root.");
    }
}
