using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text;
using Slipway.Containers.Images;
using Slipway.Containers.Scanning.Inventory;

namespace Slipway.Containers.Scanning.Reports;

/// <summary>A CycloneDX 1.6 JSON SBOM of one platform image: the image as metadata.component, its OS and packages as components.</summary>
public static class CycloneDxSbom
{
    public const string SpecVersion = "1.6";

    public static JsonObject Create(ImageInventory image, string toolVersion, DateTimeOffset timestamp)
    {
        var imageRef = $"{image.Repository}@{image.ManifestDigest}";
        var components = new JsonArray();
        if (image.Os is { } os)
            components.Add(new JsonObject
            {
                ["type"] = "operating-system",
                ["bom-ref"] = $"os:{os.Id}@{os.VersionId}",
                ["name"] = os.Id,
                ["version"] = os.VersionId,
                ["description"] = os.PrettyName,
            });
        foreach (var package in image.Packages)
        {
            var properties = new JsonArray(Property("slipway:ecosystem", package.Ecosystem), Property("slipway:location", package.Location));
            if (package.SourceName is { } source) properties.Add(Property("slipway:source", package.SourceVersion is { } sv ? $"{source}@{sv}" : source));
            var component = new JsonObject
            {
                ["type"] = "library",
                ["bom-ref"] = package.Purl,
                ["name"] = package.Name,
                ["version"] = package.Version,
                ["purl"] = package.Purl,
            };
            if (package.Licenses.Count > 0)
                component["licenses"] = new JsonArray(package.Licenses.Select(l => (JsonNode)new JsonObject { ["license"] = new JsonObject { ["name"] = l } }).ToArray());
            // The file the package was read from is the evidence of its presence (a jar nested in a jar as outer!/inner).
            component["evidence"] = new JsonObject { ["occurrences"] = new JsonArray(new JsonObject { ["location"] = package.Location }) };
            component["properties"] = properties;
            components.Add(component);
        }

        return new JsonObject
        {
            ["bomFormat"] = "CycloneDX",
            ["specVersion"] = SpecVersion,
            ["serialNumber"] = $"urn:uuid:{StableUuid(imageRef)}",
            ["version"] = 1,
            ["metadata"] = new JsonObject
            {
                ["timestamp"] = timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"),
                ["tools"] = new JsonObject
                {
                    ["components"] = new JsonArray(new JsonObject { ["type"] = "application", ["name"] = "Slipway", ["version"] = toolVersion }),
                },
                ["component"] = new JsonObject
                {
                    ["type"] = "container",
                    ["bom-ref"] = imageRef,
                    ["name"] = image.Repository,
                    ["version"] = image.ManifestDigest,
                    ["purl"] = Purl.Create("oci", null, image.Repository.Split('/')[^1], image.ManifestDigest,
                        [("arch", PlatformName.Of(image.Platform).Architecture), ("repository_url", image.Repository)]),
                    ["properties"] = new JsonArray(
                        Property("slipway:service", image.Service),
                        Property("slipway:reference", image.Reference),
                        Property("slipway:platform", image.Platform),
                        Property("slipway:image-digest", image.ImageDigest)),
                },
            },
            ["components"] = components,
        };
    }

    private static JsonObject Property(string name, string value) => new() { ["name"] = name, ["value"] = value };

    /// <summary>The same image gets the same serial number, so regenerated SBOMs of an unchanged image compare equal.</summary>
    private static Guid StableUuid(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16).ToArray();
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash, bigEndian: true);
    }
}
