using System.Text.Json.Nodes;

namespace Slipway.Containers.Stacks;

/// <summary>A stack as compose resolved it: interpolated, with profiles and overrides applied.</summary>
/// <param name="ResolvedYaml">compose's resolved configuration, which other tools (bake) read in place of the original files.</param>
public sealed record StackDefinition(string Name, IReadOnlyList<ServiceDefinition> Services, JsonObject Document, string ResolvedYaml)
{
    public IEnumerable<ServiceDefinition> BuiltServices => Services.Where(s => s.Build is not null);

    public ServiceDefinition? Find(string name) => Services.FirstOrDefault(s => s.Name == name);
}

public sealed record ServiceDefinition(
    string Name,
    string? Image,
    BuildDefinition? Build,
    bool HasHealthcheck,
    IReadOnlyList<PublishedPort> Ports,
    IReadOnlyDictionary<string, string> DependsOn,
    IReadOnlyDictionary<string, JsonNode?> Extensions);

public sealed record BuildDefinition(string Context, string Dockerfile, string? Target, IReadOnlyDictionary<string, string?> Args);

/// <summary>A port published on the host: <c>HostIp:Published → Target/Protocol</c>.</summary>
public sealed record PublishedPort(string? HostIp, int Target, string? Published, string Protocol);
