using System.Text.Json;
using System.Text.Json.Nodes;

namespace Slipway.Build.Output;

/// <summary>.nuke/build.schema.json: a JSON schema of parameters.json, so an IDE completes targets and parameters.</summary>
public static class SchemaWriter
{
    public static string Write(IReadOnlyList<TargetInfo> targets, IReadOnlyList<ParameterDescriptor> parameters)
    {
        var targetNames = new JsonArray(targets.Where(t => !t.IsUnlisted).Select(t => (JsonNode)t.Name).ToArray());
        var properties = new JsonObject
        {
            ["$schema"] = new JsonObject { ["type"] = "string" },
            ["Target"] = TargetList("Targets to run when none are given on the command line", targetNames),
            ["Skip"] = TargetList("Targets to skip", targetNames),
        };
        foreach (var p in parameters)
        {
            var schema = TypeSchema(p.Type);
            if (p.Description is { } description) schema["description"] = description;
            properties[p.Name] = schema;
        }

        var root = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["title"] = "Slipway build parameters",
            ["type"] = "object",
            ["properties"] = properties,
            ["additionalProperties"] = false,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static JsonObject TargetList(string description, JsonArray names) => new()
    {
        ["description"] = description,
        ["type"] = "array",
        ["items"] = new JsonObject { ["type"] = "string", ["enum"] = names.DeepClone() },
    };

    private static JsonObject TypeSchema(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsArray) return new JsonObject { ["type"] = "array", ["items"] = TypeSchema(type.GetElementType()!) };
        if (type.IsEnum) return new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(Enum.GetNames(type).Select(n => (JsonNode)n).ToArray()) };
        if (type == typeof(bool)) return new JsonObject { ["type"] = "boolean" };
        if (type == typeof(int) || type == typeof(long)) return new JsonObject { ["type"] = "integer" };
        if (type == typeof(double)) return new JsonObject { ["type"] = "number" };
        return new JsonObject { ["type"] = "string" };
    }
}
