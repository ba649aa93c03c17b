using Slipway.Build;
using Slipway.Containers.Publishing.Registry;

namespace Slipway.Containers.Publishing.Merging;

/// <summary>One service's multi-platform index, composed from the platforms' pushes.</summary>
public sealed record MergedImage(string Service, Manifest Index, IReadOnlyList<PushedManifest> Manifests)
{
    public string Digest => Index.Digest;
}

/// <summary>What the merge publishes: the commit the platforms were built from and one index per service.</summary>
public sealed record MergePlan(string Revision, string Version, IReadOnlyList<MergedImage> Images);

/// <summary>
/// Checks that the per-platform push reports belong together (one registry, one commit, the same services, each
/// requested platform pushed exactly once) and composes each service's index, platforms in the requested order.
/// Everything is checked before anything is put into the registry.
/// </summary>
public static class PlatformMerge
{
    public static MergePlan Plan(IReadOnlyList<(string File, PushReport Report)> reports, IReadOnlyList<string> platforms, RegistryAddress address)
    {
        if (reports.Count == 0) throw new InvalidDataException("There are no push reports to merge.");
        foreach (var (file, report) in reports)
        {
            RegistryAddress pushedTo;
            try
            {
                pushedTo = RegistryAddress.Parse(report.Registry);
            }
            catch (ParameterException e)
            {
                throw new InvalidDataException($"{file}: 'registry' is not a registry address: {e.Message}", e);
            }
            if (pushedTo != address)
                throw new InvalidDataException(
                    $"{file}: 'registry' is {pushedTo}, but Publish publishes to {address}: the platform manifests are not there. Give --registry {pushedTo}, or push again.");
        }

        var (firstFile, first) = reports[0];
        foreach (var (file, report) in reports.Skip(1))
        {
            if (!report.Revision.Equals(first.Revision, StringComparison.OrdinalIgnoreCase))
                throw new InvalidDataException($"{file}: 'revision' is {report.Revision}, but {firstFile} has {first.Revision}: the platforms were built from different commits.");
            if (report.Version != first.Version)
                throw new InvalidDataException($"{file}: 'version' is {report.Version}, but {firstFile} has {first.Version}: the platforms were built from different working trees.");
        }

        var services = reports.SelectMany(r => r.Report.Images.Select(i => i.Service)).Distinct().Order(StringComparer.Ordinal).ToList();
        var images = new List<MergedImage>();
        foreach (var service in services)
        {
            var pushed = new Dictionary<string, (string File, PushedManifest Manifest)>();
            foreach (var (file, report) in reports)
            {
                var image = report.Images.FirstOrDefault(i => i.Service == service)
                            ?? throw new InvalidDataException($"{file}: 'images' has no service '{service}', which {reports.First(r => r.Report.Images.Any(i => i.Service == service)).File} has: every platform builds every service.");
                if (image.Image != address.ImageOf(service))
                    throw new InvalidDataException($"{file}: service '{service}' was pushed to {image.Image}, expected {address.ImageOf(service)}.");
                foreach (var manifest in image.Manifests)
                {
                    if (!platforms.Contains(manifest.Platform))
                        throw new InvalidDataException($"{file}: service '{service}' was pushed for {manifest.Platform}, which is not one of the platforms to publish ({string.Join(", ", platforms)}).");
                    if (pushed.TryGetValue(manifest.Platform, out var other))
                        throw new InvalidDataException($"{file}: service '{service}' has {manifest.Platform}, and so has {other.File}: each platform is pushed by one machine.");
                    pushed[manifest.Platform] = (file, manifest);
                }
            }

            var missing = platforms.Where(p => !pushed.ContainsKey(p)).ToList();
            if (missing.Count > 0)
                throw new InvalidDataException(
                    $"Service '{service}' was not pushed for {string.Join(", ", missing)} (read {string.Join(", ", reports.Select(r => r.File))}): did that platform's PushByDigest run?");
            var manifests = platforms.Select(p => pushed[p].Manifest).ToList();
            images.Add(new MergedImage(service, ImageIndex.Compose(manifests), manifests));
        }

        return new MergePlan(first.Revision, first.Version, images);
    }
}
