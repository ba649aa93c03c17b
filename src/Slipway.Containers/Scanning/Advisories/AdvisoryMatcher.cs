using Slipway.Containers.Images;
using Slipway.Containers.Scanning.Findings;
using Slipway.Containers.Scanning.Inventory;
using Slipway.Containers.Scanning.Inventory.Catalogers;
using Slipway.Containers.Scanning.Versions;

namespace Slipway.Containers.Scanning.Advisories;

/// <summary>The builtin backend: matches OSV advisories against an image's inventory by ecosystem, package name and version.</summary>
public sealed class AdvisoryMatcher
{
    private readonly Dictionary<(string Ecosystem, string Name), List<(OsvAdvisory Advisory, OsvAffected Affected)>> _index = new();
    private readonly HashSet<string> _unevaluated = new(StringComparer.Ordinal);

    /// <param name="advisories">Advisories; an id seen twice keeps its first record (the local mirror before the API).</param>
    public AdvisoryMatcher(IEnumerable<OsvAdvisory> advisories)
    {
        foreach (var advisory in advisories.Where(a => a.Withdrawn is null).DistinctBy(a => a.Id))
        foreach (var affected in advisory.Affected ?? [])
            if (affected.Package is { Ecosystem: { } ecosystem, Name: { } name })
            {
                var key = (EcosystemBase(ecosystem), NormalizeName(EcosystemBase(ecosystem), name));
                if (!_index.TryGetValue(key, out var list)) _index[key] = list = [];
                list.Add((advisory, affected));
            }
        Count = _index.Values.SelectMany(l => l).Select(e => e.Advisory.Id).Distinct().Count();
    }

    /// <summary>How many advisories name a package.</summary>
    public int Count { get; }

    /// <summary>Advisories whose ranges could not be evaluated for a package (an unknown ecosystem ordering or unreadable versions).</summary>
    public IReadOnlyCollection<string> Unevaluated => _unevaluated;

    public IReadOnlyList<Finding> Match(ImageInventory inventory)
    {
        var findings = new List<Finding>();
        foreach (var package in inventory.Packages)
        {
            var ecosystem = package.Ecosystem.ToLowerInvariant();
            var scheme = VersionSchemes.ForEcosystem(package.Ecosystem);
            // OS advisories name source packages (openssl, not libssl3); tests and other feeds may name the binary one.
            var candidates = new List<(string Name, string Version)> { (package.Name, package.Version) };
            if (package.SourceName is { } source) candidates.Insert(0, (source, package.SourceVersion ?? package.Version));

            var found = new Dictionary<string, Finding>(StringComparer.Ordinal);
            foreach (var (name, version) in candidates.Distinct())
            foreach (var (advisory, affected) in Lookup(ecosystem, name))
            {
                if (found.ContainsKey(advisory.Id) || !ReleaseMatches(affected.Package!.Ecosystem!, inventory.Os)) continue;
                var verdict = AffectedRanges.Evaluate(version, affected, scheme);
                if (!verdict.Evaluated) _unevaluated.Add($"{advisory.Id} ({package.Ecosystem} {name} {version})");
                if (verdict.Affected) found[advisory.Id] = Create(advisory, affected, verdict.FixedVersion, inventory, package);
            }
            findings.AddRange(found.Values);
        }
        return findings;
    }

    private IEnumerable<(OsvAdvisory Advisory, OsvAffected Affected)> Lookup(string ecosystem, string name) =>
        _index.TryGetValue((ecosystem, NormalizeName(ecosystem, name)), out var list) ? list : [];

    private static string EcosystemBase(string ecosystem) => ecosystem.Split(':')[0].ToLowerInvariant();

    private static string NormalizeName(string ecosystem, string name) => ecosystem switch
    {
        "pypi" => PythonCataloger.NormalizeName(name),
        "nuget" => name.ToLowerInvariant(),
        _ => name,
    };

    /// <summary>"Debian:12" applies to Debian 12 images only, "Alpine:v3.18" to 3.18.x; a bare ecosystem to every release.</summary>
    private static bool ReleaseMatches(string ecosystem, OsRelease? os)
    {
        var colon = ecosystem.IndexOf(':');
        if (colon < 0 || os?.VersionId is not { } installed) return true;
        var release = ecosystem[(colon + 1)..].TrimStart('v');
        return installed == release || installed.StartsWith(release + ".", StringComparison.Ordinal);
    }

    private static Finding Create(OsvAdvisory advisory, OsvAffected affected, string? fixedVersion, ImageInventory inventory, Package package)
    {
        var (severity, score) = AdvisorySeverity.Of(advisory, affected);
        return new Finding
        {
            AdvisoryId = advisory.Id,
            Aliases = advisory.Aliases ?? [],
            Summary = advisory.Summary,
            Details = advisory.Details,
            Severity = severity,
            Score = score,
            FixedVersion = fixedVersion,
            Url = advisory.References?.FirstOrDefault(r => r.Type is "ADVISORY")?.Url ?? advisory.References?.FirstOrDefault()?.Url,
            Service = inventory.Service,
            Reference = inventory.Reference,
            Platform = inventory.Platform,
            Ecosystem = package.Ecosystem,
            PackageName = package.Name,
            InstalledVersion = package.Version,
            Purl = package.Purl,
            Location = package.Location,
            Source = "builtin",
        };
    }
}
