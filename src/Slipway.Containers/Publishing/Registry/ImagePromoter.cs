using Serilog;
using Slipway.Containers.Images;
using Slipway.Containers.Publishing.Versioning;

namespace Slipway.Containers.Publishing.Registry;

/// <summary>One service's image as published: where, under which digest, with which tags.</summary>
public sealed record PublishedImage(string Service, string Image, string Digest, IReadOnlyList<string> Platforms, IReadOnlyList<string> Tags)
{
    /// <summary>The reference that pins the exact content: <c>ghcr.io/acme/api@sha256:…</c>.</summary>
    public string PinnedReference => $"{Image}@{Digest}";
}

/// <summary>
/// Promotes the digests of images.json to a registry without rebuilding. For each service the engine pushes the
/// local image under the first fixed tag (sha-…); the registry must then report exactly the recorded index digest
/// and hold every platform's manifest. The other tags are pointed at that digest on the registry itself (the
/// manifest's bytes put under the new tag), fixed tags of all services before any floating one, so a failure
/// midway never leaves a floating tag on a partial release. Tags already in place are left alone: publishing
/// the same version again changes nothing.
/// </summary>
public sealed class ImagePromoter(RegistryAddress address, RegistryClient registry, EnginePusher pusher, RegistryCredentials? credentials, ILogger log)
{
    public async Task<IReadOnlyList<PublishedImage>> PromoteAsync(BuildReport report, string reportFile, ReleaseTags tags, CancellationToken cancellationToken)
    {
        if (report.Images.Count == 0) throw new RegistryException($"{reportFile}: 'images' is empty: there is nothing to publish.");
        var first = tags.FixedTags.First();

        foreach (var image in report.Images) await pusher.EnsureUnchangedAsync(image, reportFile, cancellationToken);

        var indexes = new Dictionary<string, Manifest>();
        foreach (var image in report.Images)
            indexes[image.Service] = await PushAsync(image, reportFile, first.Name, cancellationToken);

        foreach (var tag in tags.FixedTags.Skip(1).Concat(tags.FloatingTags))
        foreach (var image in report.Images)
            await PointAsync(image, indexes[image.Service], tag.Name, cancellationToken);

        var published = new List<PublishedImage>();
        foreach (var image in report.Images)
            published.Add(await VerifyAsync(image, tags, cancellationToken));
        return published;
    }

    private async Task<Manifest> PushAsync(BuiltImage image, string reportFile, string tag, CancellationToken cancellationToken)
    {
        var repository = address.RepositoryOf(image.Service);
        if (await registry.ResolveAsync(repository, tag, cancellationToken) == image.Digest)
            log.Information("{Image}:{Tag} is already {Digest}", address.ImageOf(image.Service), tag, image.Digest);
        else
        {
            log.Information("Pushing {Local} ({Digest}) as {Image}:{Tag}", image.Reference, image.Digest, address.ImageOf(image.Service), tag);
            await pusher.PushAsync(image, address.ImageOf(image.Service), tag, credentials, address.Host, cancellationToken);
        }

        var pushed = await registry.ResolveAsync(repository, tag, cancellationToken);
        if (pushed != image.Digest)
            throw new RegistryException(
                $"{address.ImageOf(image.Service)}:{tag} is {pushed ?? "missing"} on the registry, but {reportFile} records {image.Digest} for service '{image.Service}': " +
                "the engine pushed other content than was built and scanned, so no further tag is set.");

        var index = await registry.GetManifestAsync(repository, image.Digest, cancellationToken)
                    ?? throw new RegistryException($"{address.ImageOf(image.Service)}@{image.Digest} vanished from the registry right after the push.");
        await EnsurePlatformsAsync(image, index, cancellationToken);
        return index;
    }

    private async Task PointAsync(BuiltImage image, Manifest index, string tag, CancellationToken cancellationToken)
    {
        var repository = address.RepositoryOf(image.Service);
        var current = await registry.ResolveAsync(repository, tag, cancellationToken);
        if (current == image.Digest)
        {
            log.Information("{Image}:{Tag} is already {Digest}", address.ImageOf(image.Service), tag, image.Digest);
            return;
        }
        log.Information("{Image}:{Tag} → {Digest}{Was}", address.ImageOf(image.Service), tag, image.Digest, current is null ? "" : $" (was {current})");
        await registry.PutManifestAsync(repository, tag, index, cancellationToken);
    }

    /// <summary>Every platform manifest of images.json is listed by the index and stored in the registry.</summary>
    private async Task EnsurePlatformsAsync(BuiltImage image, Manifest index, CancellationToken cancellationToken)
    {
        var repository = address.RepositoryOf(image.Service);
        var listed = index.IsIndex ? index.ListedDigests : [index.Digest];
        foreach (var platform in image.Manifests)
        {
            if (!listed.Contains(platform.Digest))
                throw new RegistryException($"{address.ImageOf(image.Service)}@{image.Digest} does not list the {platform.Platform} manifest {platform.Digest} that images.json records.");
            if (await registry.ResolveAsync(repository, platform.Digest, cancellationToken) != platform.Digest)
                throw new RegistryException($"{address.ImageOf(image.Service)}@{platform.Digest} ({platform.Platform}) is not in the registry: the push was incomplete.");
        }
    }

    /// <summary>Checks through the registry's API, not the local engine, that every tag resolves to the recorded digest.</summary>
    private async Task<PublishedImage> VerifyAsync(BuiltImage image, ReleaseTags tags, CancellationToken cancellationToken)
    {
        var repository = address.RepositoryOf(image.Service);
        foreach (var tag in tags.Tags)
        {
            var digest = await registry.ResolveAsync(repository, tag.Name, cancellationToken);
            if (digest != image.Digest)
                throw new RegistryException($"Verification failed: {address.ImageOf(image.Service)}:{tag.Name} resolves to {digest ?? "nothing"}, expected {image.Digest}.");
        }
        var index = await registry.GetManifestAsync(repository, image.Digest, cancellationToken)
                    ?? throw new RegistryException($"Verification failed: {address.ImageOf(image.Service)}@{image.Digest} is not in the registry.");
        await EnsurePlatformsAsync(image, index, cancellationToken);
        return new PublishedImage(image.Service, address.ImageOf(image.Service), image.Digest, image.Manifests.Select(m => m.Platform).ToList(), tags.Tags.Select(t => t.Name).ToList());
    }
}
