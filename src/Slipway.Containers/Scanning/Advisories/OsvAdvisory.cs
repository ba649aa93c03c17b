using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Slipway.Containers.Scanning.Advisories;

/// <summary>An advisory in the OSV schema (ossf.github.io/osv-schema), the fields matching needs.</summary>
public sealed record OsvAdvisory
{
    public required string Id { get; init; }
    public string? Summary { get; init; }
    public string? Details { get; init; }
    public IReadOnlyList<string>? Aliases { get; init; }
    public DateTimeOffset? Withdrawn { get; init; }
    public IReadOnlyList<OsvSeverity>? Severity { get; init; }
    public IReadOnlyList<OsvAffected>? Affected { get; init; }
    public IReadOnlyList<OsvReference>? References { get; init; }
    public JsonObject? DatabaseSpecific { get; init; }

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = true,
        AllowTrailingCommas = true,
    };
}

public sealed record OsvAffected
{
    public OsvPackage? Package { get; init; }
    public IReadOnlyList<OsvSeverity>? Severity { get; init; }
    public IReadOnlyList<OsvRange>? Ranges { get; init; }
    public IReadOnlyList<string>? Versions { get; init; }
    public JsonObject? EcosystemSpecific { get; init; }
    public JsonObject? DatabaseSpecific { get; init; }
}

public sealed record OsvPackage(string? Ecosystem, string? Name, string? Purl);

public sealed record OsvRange
{
    /// <summary>SEMVER, ECOSYSTEM or GIT.</summary>
    public required string Type { get; init; }

    public IReadOnlyList<OsvEvent> Events { get; init; } = [];
}

public sealed record OsvEvent(string? Introduced, string? Fixed, string? LastAffected, string? Limit);

/// <summary>e.g. type CVSS_V3 with the vector string as score.</summary>
public sealed record OsvSeverity(string Type, string Score);

public sealed record OsvReference(string? Type, string? Url);
