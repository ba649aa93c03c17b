using System.Text.Json;
using System.Text.Json.Nodes;

namespace Slipway.Containers.Publishing.Attestations;

/// <summary>
/// Finds ScanImages' reports for the manifests about to be published: in artifacts/scan on one machine, in
/// artifacts/platforms/{slug}/scan in a workflow's merge job. Each platform manifest needs the CycloneDX SBOM whose
/// <c>metadata.component</c> is that very manifest (its <c>version</c> is the manifest digest) and the findings.json
/// beside it. Anything missing fails here, before anything is pushed.
/// </summary>
public static class ScanEvidence
{
    public const string SbomFolder = "sbom";
    public const string FindingsFile = "findings.json";

    /// <summary>artifacts/scan and every artifacts/platforms/*/scan that exists.</summary>
    public static IReadOnlyList<string> ScanFolders(string artifacts, string platformsFolder)
    {
        var folders = new List<string>();
        var local = Path.Combine(artifacts, "scan");
        if (Directory.Exists(local)) folders.Add(local);
        var platforms = Path.Combine(artifacts, platformsFolder);
        if (Directory.Exists(platforms))
            folders.AddRange(Directory.EnumerateDirectories(platforms).Order(StringComparer.Ordinal).Select(d => Path.Combine(d, "scan")).Where(Directory.Exists));
        return folders;
    }

    /// <param name="folders">Scan report folders (see <see cref="ScanFolders"/>).</param>
    /// <param name="manifests">Every platform manifest to publish: service, platform, digest.</param>
    /// <param name="root">Paths in errors are relative to it.</param>
    public static IReadOnlyList<PlatformEvidence> Collect(
        IReadOnlyList<string> folders, IEnumerable<(string Service, string Platform, string Digest)> manifests, string root, ScanInvocation invocation)
    {
        var sboms = folders.SelectMany(folder => Sboms(folder, root)).ToList();
        var evidence = new List<PlatformEvidence>();
        foreach (var (service, platform, digest) in manifests)
        {
            var candidates = sboms.Where(s => s.Service == service && s.Platform == platform).ToList();
            var sbom = candidates.FirstOrDefault(s => s.Manifest == digest);
            if (sbom is null)
                throw new InvalidDataException(candidates.Count == 0
                    ? $"There is no CycloneDX SBOM of service '{service}' ({platform}) in {Describe(folders, root)}: run ScanImages before Publish, whose attestations carry it."
                    : $"{Relative(candidates[0].File, root)} describes manifest {candidates[0].Manifest} of service '{service}' ({platform}), but the manifest to publish is {digest}: " +
                      "the scan is of another build; run ScanImages again.");

            var findingsFile = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(sbom.File)!)!, FindingsFile);
            var findings = ReadObject(findingsFile, root, $"the scan result beside {Relative(sbom.File, root)}; run ScanImages again");
            evidence.Add(new PlatformEvidence(service, platform, digest, sbom.File,
                VulnPredicate.Create(service, platform, digest, findings, sbom.ToolVersion, sbom.Timestamp, invocation)));
        }
        return evidence;
    }

    private sealed record Sbom(string File, string Service, string Platform, string Manifest, string ToolVersion, string Timestamp);

    private static IEnumerable<Sbom> Sboms(string folder, string root)
    {
        var directory = Path.Combine(folder, SbomFolder);
        if (!Directory.Exists(directory)) yield break;
        foreach (var file in Directory.EnumerateFiles(directory, "*.cdx.json").Order(StringComparer.Ordinal))
        {
            var bom = ReadObject(file, root, "a CycloneDX SBOM");
            var component = bom["metadata"]?["component"];
            string? Property(string name) =>
                (component?["properties"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(p => p["name"]?.GetValue<string>() == name)?["value"]?.GetValue<string>();
            if (Property("slipway:service") is not { } service || Property("slipway:platform") is not { } platform || component?["version"]?.GetValue<string>() is not { } manifest)
                throw new InvalidDataException($"{Relative(file, root)}: metadata.component lacks the slipway:service and slipway:platform properties or the manifest digest as its version; it is not an SBOM ScanImages wrote.");
            var tool = (bom["metadata"]?["tools"]?["components"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault();
            yield return new Sbom(file, service, platform, manifest, tool?["version"]?.GetValue<string>() ?? "", bom["metadata"]?["timestamp"]?.GetValue<string>() ?? "");
        }
    }

    private static JsonObject ReadObject(string file, string root, string what)
    {
        if (!File.Exists(file)) throw new FileNotFoundException($"{Relative(file, root)} does not exist: it is {what}.", file);
        try
        {
            return JsonNode.Parse(File.ReadAllText(file)) as JsonObject ?? throw new InvalidDataException($"{Relative(file, root)} is not a JSON object: expected {what}.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{Relative(file, root)} is not valid JSON ({e.Message}): expected {what}.", e);
        }
    }

    private static string Describe(IReadOnlyList<string> folders, string root) =>
        folders.Count == 0 ? "artifacts/scan (there is none)" : string.Join(", ", folders.Select(f => Relative(Path.Combine(f, SbomFolder), root)));

    private static string Relative(string path, string root) => Path.GetRelativePath(root, path);
}
