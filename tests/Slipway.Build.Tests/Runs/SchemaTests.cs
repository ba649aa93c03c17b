using System.Text.Json;
using NJsonSchema;
using Slipway.Build.Tests.Infrastructure;
using Slipway.Build.Tests.Unit;

namespace Slipway.Build.Tests.Runs;

/// <summary>.nuke/build.schema.json: regenerated on every run so that an IDE completes parameters.json.</summary>
public sealed class SchemaTests : IDisposable
{
    private readonly TestRoot _root = new();

    public void Dispose() => _root.Dispose();

    private sealed class SchemaBuild : SlipwayBuild, IRegistryComponent
    {
        [Parameter("How many times to retry")] public readonly int Retries = 3;
        [Parameter("Taste")] public readonly Flavour Flavour;
        [Parameter("Skip the cache")] public readonly bool NoCache;
        [Parameter("Image tags")] public readonly string[] Tags = [];
        [Parameter] public readonly AbsolutePath? Output;
        public Target Compile => _ => _.Description("Compiles");
        public Target Test => _ => _.DependsOn(Compile);
        public Target Internal => _ => _.Unlisted();
    }

    private AbsolutePath SchemaFile => _root.Nuke / "build.schema.json";

    private async Task<JsonElement> GenerateAsync()
    {
        var outcome = await _root.RunAsync(new SchemaBuild(), x => x.Test, "--help");
        Assert.Equal(0, outcome.ExitCode);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(SchemaFile));
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task The_schema_lists_the_listed_targets_as_an_enum_for_Target_and_Skip()
    {
        var properties = (await GenerateAsync()).GetProperty("properties");
        foreach (var key in new[] { "Target", "Skip" })
        {
            var items = properties.GetProperty(key).GetProperty("items");
            Assert.Equal(["Compile", "Test"], items.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        }
    }

    [Fact]
    public async Task The_schema_gives_each_parameter_its_type_and_description()
    {
        var properties = (await GenerateAsync()).GetProperty("properties");
        Assert.Equal("integer", properties.GetProperty("Retries").GetProperty("type").GetString());
        Assert.Equal("How many times to retry", properties.GetProperty("Retries").GetProperty("description").GetString());
        Assert.Equal("boolean", properties.GetProperty("NoCache").GetProperty("type").GetString());
        Assert.Equal(["Plain", "ExtraSpicy"], properties.GetProperty("Flavour").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("array", properties.GetProperty("Tags").GetProperty("type").GetString());
        Assert.Equal("string", properties.GetProperty("Tags").GetProperty("items").GetProperty("type").GetString());
        Assert.Equal("string", properties.GetProperty("Output").GetProperty("type").GetString());
        Assert.False(properties.GetProperty("Output").TryGetProperty("description", out _));
        // Component parameters are in it too.
        Assert.Equal("Push timeout in seconds", properties.GetProperty("PushTimeout").GetProperty("description").GetString());
    }

    [Fact]
    public async Task The_schema_is_regenerated_when_it_is_stale()
    {
        _root.WriteNukeFile("build.schema.json", "{}");
        await GenerateAsync();
        Assert.Contains("\"Retries\"", await File.ReadAllTextAsync(SchemaFile));
    }

    [Fact]
    public async Task The_schema_accepts_a_good_parameters_file_and_rejects_unknown_fields_and_wrong_types()
    {
        await GenerateAsync();
        var schema = await JsonSchema.FromFileAsync(SchemaFile);
        Assert.Empty(schema.Validate("""{ "$schema": "./build.schema.json", "Target": ["Test"], "Retries": 2, "Flavour": "Plain", "Tags": ["a"], "RegistryUser": "u" }"""));
        Assert.NotEmpty(schema.Validate("""{ "Retires": 2 }"""));
        Assert.NotEmpty(schema.Validate("""{ "Retries": "two" }"""));
        Assert.NotEmpty(schema.Validate("""{ "Target": ["Internal"] }"""));
        Assert.NotEmpty(schema.Validate("""{ "Flavour": "Mild" }"""));
    }
}
