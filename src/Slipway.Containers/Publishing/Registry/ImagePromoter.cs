using Serilog;
using Slipway.Containers.Images;
using Slipway.Containers.Publishing.Merging;
using Slipway.Containers.Publishing.Versioning;

namespace Slipway.Containers.Publishing.Registry;

/// <summary>One service's image as published: where, under which digest, with which tags.</summary>
public sealed record PublishedImage(string Service, string Image, string Digest, IReadOnlyList<string> Platforms, IReadOnlyList<string> Tags)
{
    /// <summary>The reference that pins the exact content: <c>ghcr.io/acme/api@sha256:…</c>.</summary>
    public string PinnedReference => $"{Image}@{Digest}";
}

/// <summary>One platform of an index: its manifest and, when the builder made one, buildx's attestation manifest for it.</summary>
public sealed record PlatformDigest(string Platform, string Digest, string? Attestation);

/// <summary>A service's index as it stands in the registry under its first tag, checked: what is signed and attested.</summary>
public sealed record PlacedImage(string Service, string Image, string Digest, IReadOnlyList<PlatformDigest> Platforms)
{
    public string PinnedReference => $"{Image}@{Digest}";
}

/// <summary>
/// Promotes recorded digests to a registry without rebuilding. For each service the index is first put under the first
/// fixed tag (sha-…): by the engine, pushing the local multi-platform image of images.json, or, after per-platform pushes
/// by digest, by putting the index composed from them. The registry must then report exactly the expected index digest
/// and hold every platform's manifest and buildx's attestations of it. Then, before any other tag is set, the placed
/// indexes are handed to <c>beforeOtherTags</c> (signing and attesting them), so no floating tag ever names an unsigned
/// release. The other tags are pointed at that digest on the registry itself (the index's bytes put under the new tag),
/// fixed tags of all services before any floating one, so a failure midway never leaves a floating tag on a partial
/// release. Tags already in place are left alone: publishing the same version again changes nothing.
/// </summary>
public sealed class ImagePromoter(RegistryAddress address, RegistryClient registry, ILogger log)
{
    /// <summary>One service to promote: the index digest, the platform manifests it must list, and how it gets under its first tag.</summary>
    private sealed record Candidate(
        string Service, string Digest, IReadOnlyList<PlatformDigest> Platforms, string Source,
        Func<string, CancellationToken, Task> PlaceAsync, string Mismatch);

    /// <summary>The single-machine path: the engine pushes each local multi-platform image of images.json.</summary>
    public async Task<IReadOnlyList<PublishedImage>> PromoteAsync(
        ImagesReport report, string reportFile, ReleaseTags tags, EnginePusher pusher, RegistryCredentials? credentials,
        Func<IReadOnlyList<PlacedImage>, CancellationToken, Task>? beforeOtherTags, CancellationToken cancellationToken)
    {
        if (report.Images.Count == 0) throw new RegistryException($"{reportFile}: 'images' is empty: there is nothing to publish.");
        if (report.Images.FirstOrDefault(i => i.Manifests.Count == 0) is { } classic)
            throw new RegistryException($"{reportFile}: '{classic.Service}' was built on an engine with the classic image store, which keeps no manifest to verify before pushing. "
                                        + "Publish from an engine with the containerd image store (Restore --allow-engine-restart switches it) or from the generated workflows.");
        foreach (var image in report.Images) await pusher.EnsureUnchangedAsync(image, reportFile, cancellationToken);

        var candidates = report.Images.Select(image => new Candidate(
            image.Service, image.Digest, image.Manifests.Select(m => new PlatformDigest(m.Platform, m.Digest, m.Attestation)).ToList(), reportFile,
            (tag, ct) =>
            {
                log.Information("Pushing {Local} ({Digest}) as {Image}:{Tag}", image.Reference, image.Digest, address.ImageOf(image.Service), tag);
                return pusher.PushAsync(image, address.ImageOf(image.Service), tag, credentials, address.Host, ct);
            },
            "the engine pushed other content than was built and scanned")).ToList();
        return await PromoteAsync(candidates, tags, beforeOtherTags, cancellationToken);
    }

    /// <summary>The merge of per-platform pushes: each service's composed index goes in, listing manifests already in the registry.</summary>
    public async Task<IReadOnlyList<PublishedImage>> PromoteAsync(
        MergePlan plan, string source, ReleaseTags tags, Func<IReadOnlyList<PlacedImage>, CancellationToken, Task>? beforeOtherTags, CancellationToken cancellationToken)
    {
        if (plan.Images.Count == 0) throw new RegistryException($"{source}: there is nothing to publish.");
        foreach (var image in plan.Images)
        foreach (var manifest in image.Manifests)
        foreach (var (what, digest) in new[] { (manifest.Platform, manifest.Digest), ($"{manifest.Platform} attestations", manifest.Attestation?.Digest) })
            if (digest is not null && await registry.ResolveAsync(address.RepositoryOf(image.Service), digest, cancellationToken) != digest)
                throw new RegistryException(
                    $"{address.ImageOf(image.Service)}@{digest} ({what}), which {source} records as pushed, is not in the registry: run that platform's PushByDigest again.");

        var candidates = plan.Images.Select(image => new Candidate(
            image.Service, image.Digest, image.Manifests.Select(m => new PlatformDigest(m.Platform, m.Digest, m.Attestation?.Digest)).ToList(), source,
            (tag, ct) =>
            {
                log.Information("Putting the index of {Platforms} ({Digest}) as {Image}:{Tag}",
                    string.Join(", ", image.Manifests.Select(m => m.Platform)), image.Digest, address.ImageOf(image.Service), tag);
                return registry.PutManifestAsync(address.RepositoryOf(image.Service), tag, image.Index, ct);
            },
            "the registry stored other content than the index composed from the platform manifests")).ToList();
        return await PromoteAsync(candidates, tags, beforeOtherTags, cancellationToken);
    }

    private async Task<IReadOnlyList<PublishedImage>> PromoteAsync(
        IReadOnlyList<Candidate> candidates, ReleaseTags tags, Func<IReadOnlyList<PlacedImage>, CancellationToken, Task>? beforeOtherTags, CancellationToken cancellationToken)
    {
        var first = tags.FixedTags.First();
        var indexes = new Dictionary<string, Manifest>();
        foreach (var candidate in candidates)
            indexes[candidate.Service] = await PlaceFirstAsync(candidate, first.Name, cancellationToken);

        if (beforeOtherTags is not null)
            await beforeOtherTags(candidates.Select(c => new PlacedImage(c.Service, address.ImageOf(c.Service), c.Digest, c.Platforms)).ToList(), cancellationToken);

        foreach (var tag in tags.FixedTags.Skip(1).Concat(tags.FloatingTags))
        foreach (var candidate in candidates)
            await PointAsync(candidate, indexes[candidate.Service], tag.Name, cancellationToken);

        var published = new List<PublishedImage>();
        foreach (var candidate in candidates)
            published.Add(await VerifyAsync(candidate, tags, cancellationToken));
        return published;
    }

    private async Task<Manifest> PlaceFirstAsync(Candidate candidate, string tag, CancellationToken cancellationToken)
    {
        var repository = address.RepositoryOf(candidate.Service);
        var image = address.ImageOf(candidate.Service);
        if (await registry.ResolveAsync(repository, tag, cancellationToken) == candidate.Digest)
            log.Information("{Image}:{Tag} is already {Digest}", image, tag, candidate.Digest);
        else
            await candidate.PlaceAsync(tag, cancellationToken);

        var placed = await registry.ResolveAsync(repository, tag, cancellationToken);
        if (placed != candidate.Digest)
            throw new RegistryException(
                $"{image}:{tag} is {placed ?? "missing"} on the registry, but {candidate.Source} records {candidate.Digest} for service '{candidate.Service}': " +
                $"{candidate.Mismatch}, so no further tag is set.");

        var index = await registry.GetManifestAsync(repository, candidate.Digest, cancellationToken)
                    ?? throw new RegistryException($"{image}@{candidate.Digest} vanished from the registry right after the push.");
        await EnsurePlatformsAsync(candidate, index, cancellationToken);
        return index;
    }

    private async Task PointAsync(Candidate candidate, Manifest index, string tag, CancellationToken cancellationToken)
    {
        var repository = address.RepositoryOf(candidate.Service);
        var current = await registry.ResolveAsync(repository, tag, cancellationToken);
        if (current == candidate.Digest)
        {
            log.Information("{Image}:{Tag} is already {Digest}", address.ImageOf(candidate.Service), tag, candidate.Digest);
            return;
        }
        log.Information("{Image}:{Tag} → {Digest}{Was}", address.ImageOf(candidate.Service), tag, candidate.Digest, current is null ? "" : $" (was {current})");
        await registry.PutManifestAsync(repository, tag, index, cancellationToken);
    }

    /// <summary>Every recorded platform manifest, and buildx's attestations of it, is listed by the index and stored in the registry.</summary>
    private async Task EnsurePlatformsAsync(Candidate candidate, Manifest index, CancellationToken cancellationToken)
    {
        var repository = address.RepositoryOf(candidate.Service);
        var image = address.ImageOf(candidate.Service);
        var listed = index.IsIndex ? index.ListedDigests : [index.Digest];
        var expected = candidate.Platforms.Select(p => (What: p.Platform, p.Digest))
            .Concat(candidate.Platforms.Where(p => p.Attestation is not null).Select(p => (What: $"{p.Platform} attestations", Digest: p.Attestation!)));
        foreach (var (what, digest) in expected)
        {
            if (!listed.Contains(digest))
                throw new RegistryException($"{image}@{candidate.Digest} does not list the {what} manifest {digest} that {candidate.Source} records.");
            if (await registry.ResolveAsync(repository, digest, cancellationToken) != digest)
                throw new RegistryException($"{image}@{digest} ({what}) is not in the registry: the push was incomplete.");
        }
    }

    /// <summary>Checks through the registry's API, not the local engine, that every tag resolves to the recorded digest.</summary>
    private async Task<PublishedImage> VerifyAsync(Candidate candidate, ReleaseTags tags, CancellationToken cancellationToken)
    {
        var repository = address.RepositoryOf(candidate.Service);
        var image = address.ImageOf(candidate.Service);
        foreach (var tag in tags.Tags)
        {
            var digest = await registry.ResolveAsync(repository, tag.Name, cancellationToken);
            if (digest != candidate.Digest)
                throw new RegistryException($"Verification failed: {image}:{tag.Name} resolves to {digest ?? "nothing"}, expected {candidate.Digest}.");
        }
        var index = await registry.GetManifestAsync(repository, candidate.Digest, cancellationToken)
                    ?? throw new RegistryException($"Verification failed: {image}@{candidate.Digest} is not in the registry.");
        await EnsurePlatformsAsync(candidate, index, cancellationToken);
        return new PublishedImage(candidate.Service, image, candidate.Digest, candidate.Platforms.Select(p => p.Platform).ToList(), tags.Tags.Select(t => t.Name).ToList());
    }
}
