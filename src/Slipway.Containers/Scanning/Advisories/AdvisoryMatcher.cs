using Slipway.Containers.Scanning.Findings;
using Slipway.Containers.Scanning.Inventory;
using Slipway.Containers.Scanning.Inventory.Catalogers;
using Slipway.Containers.Scanning.Versions;

namespace Slipway.Containers.Scanning.Advisories;

/// <summary>
/// The builtin backend: matches OSV advisories against an image's inventory by ecosystem (and the distribution release
/// an OS ecosystem names), package name and version. Withdrawn advisories are left out; advisories that name each
/// other make one finding per package.
/// </summary>
public sealed class AdvisoryMatcher
{
    private readonly Dictionary<(string Ecosystem, string Name), List<(OsvAdvisory Advisory, OsvAffected Affected)>> _index = new();
    private readonly Dictionary<string, HashSet<string>> _idsByEcosystem = new(StringComparer.Ordinal);
    private readonly HashSet<UnevaluatedAdvisory> _unevaluated = [];

    /// <param name="advisories">Advisories; an id seen twice keeps its first record (the local mirror before the API), withdrawn or not.</param>
    public AdvisoryMatcher(IEnumerable<OsvAdvisory> advisories)
    {
        foreach (var advisory in advisories.DistinctBy(a => a.Id).Where(a => a.Withdrawn is null))
        foreach (var affected in advisory.Affected ?? [])
            if (affected.Package is { Ecosystem: { } ecosystem, Name: { } name })
            {
                var key = (EcosystemBase(ecosystem), NormalizeName(EcosystemBase(ecosystem), name));
                if (!_index.TryGetValue(key, out var list)) _index[key] = list = [];
                list.Add((advisory, affected));
                if (!_idsByEcosystem.TryGetValue(key.Item1, out var ids)) _idsByEcosystem[key.Item1] = ids = new HashSet<string>(StringComparer.Ordinal);
                ids.Add(advisory.Id);
            }
    }

    /// <summary>How many advisories name a package of the ecosystem ("Alpine", "Maven"; a release such as "Debian:12" counts for its ecosystem).</summary>
    public int AdvisoriesFor(string ecosystem) => _idsByEcosystem.TryGetValue(EcosystemBase(ecosystem), out var ids) ? ids.Count : 0;

    /// <summary>Advisories whose ranges could not be evaluated for an installed package.</summary>
    public IReadOnlyCollection<UnevaluatedAdvisory> Unevaluated => _unevaluated;

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
                if (found.ContainsKey(advisory.Id) || !ReleaseMatches(affected.Package!.Ecosystem!, package.Release)) continue;
                var verdict = AffectedRanges.Evaluate(version, affected, scheme);
                if (!verdict.Evaluated) _unevaluated.Add(new UnevaluatedAdvisory(advisory.Id, inventory.Service, inventory.Platform, package.Ecosystem, name, version));
                if (verdict.Affected) found[advisory.Id] = Create(advisory, affected, verdict.FixedVersion, inventory, package);
            }
            findings.AddRange(AliasGroups.Merge(found.Values.ToList(), scheme));
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

    /// <summary>
    /// "Debian:12" applies to packages of Debian 12 only, "Alpine:v3.18" to those of the 3.18 branch; a bare ecosystem,
    /// or a package whose release is unknown, to every release.
    /// </summary>
    private static bool ReleaseMatches(string ecosystem, string? installed)
    {
        var colon = ecosystem.IndexOf(':');
        if (colon < 0 || installed is null) return true;
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
