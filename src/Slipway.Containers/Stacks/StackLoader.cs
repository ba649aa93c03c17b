using System.Text.Json.Nodes;
using Slipway.Build;
using Slipway.Build.Processes;
using YamlDotNet.RepresentationModel;

namespace Slipway.Containers.Stacks;

/// <summary>
/// Reads a stack from compose's own resolved configuration. The YAML form of <c>compose config</c> is used
/// because compose 2.26 drops service-level <c>x-</c> extensions from its JSON form; both are compose's canonical output.
/// </summary>
public sealed class StackLoader(ProcessRunner processes)
{
    /// <param name="environment">Variables for compose's interpolation beyond the inherited environment.</param>
    public async Task<StackDefinition> LoadAsync(ComposeCommand compose, CancellationToken cancellationToken, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var result = await processes.RunAsync("docker", compose.Arguments("config"),
            new ProcessOptions { Quiet = true, ThrowOnError = false, Environment = environment }, cancellationToken);
        if (!result.Succeeded)
            throw new InputException($"compose rejected the stack ({compose.Describe()}): {result.StandardError.Trim()}");
        return Parse(result.StandardOutput);
    }

    public static StackDefinition Parse(string composeConfigYaml)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(composeConfigYaml));
        var document = ToJson(yaml.Documents[0].RootNode) as JsonObject
                       ?? throw new InvalidDataException("compose config printed no mapping.");
        var services = (document["services"] as JsonObject ?? []).Select(p => Service(p.Key, p.Value!.AsObject())).ToList();
        return new StackDefinition(document["name"]?.GetValue<string>() ?? "stack", services, document, composeConfigYaml);
    }

    private static ServiceDefinition Service(string name, JsonObject service) => new(
        name,
        service["image"]?.GetValue<string>(),
        service["build"] is JsonObject build ? Build(build) : null,
        service["healthcheck"] is JsonObject health && health["disable"]?.GetValue<string>() != "true",
        (service["ports"] as JsonArray ?? []).OfType<JsonObject>().Select(p => new PublishedPort(
            p["host_ip"]?.GetValue<string>(),
            int.Parse(p["target"]!.GetValue<string>()),
            p["published"]?.GetValue<string>(),
            p["protocol"]?.GetValue<string>() ?? "tcp")).ToList(),
        (service["depends_on"] as JsonObject ?? []).ToDictionary(d => d.Key, d => d.Value?["condition"]?.GetValue<string>() ?? "service_started"),
        service.Where(p => p.Key.StartsWith("x-", StringComparison.Ordinal)).ToDictionary(p => p.Key, p => p.Value?.DeepClone()));

    private static BuildDefinition Build(JsonObject build) => new(
        build["context"]!.GetValue<string>(),
        build["dockerfile"]?.GetValue<string>() ?? "Dockerfile",
        build["target"]?.GetValue<string>(),
        (build["args"] as JsonObject ?? []).ToDictionary(a => a.Key, a => a.Value?.GetValue<string>()));

    /// <summary>Scalars stay strings (compose prints them canonically); a null scalar becomes null.</summary>
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(c =>
            KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "null" or "~" or "" } => null,
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new InvalidDataException($"Unexpected YAML node {node.NodeType} in compose config."),
    };
}
