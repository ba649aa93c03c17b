using Slipway.Build;
using Slipway.Build.Execution;
using Slipway.Build.Processes;
using Slipway.Containers.Engine;
using Slipway.Containers.Images;

namespace Slipway.Containers.Building;

/// <summary>One run of BuildImages: the prebuilds, the bake its plan describes, and images.json from what the engine holds.</summary>
internal sealed class BakeRun(IBuildImages build)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var stack = await build.LoadStackAsync(ct);
        var revision = await build.Context.State<SourceRevision.OfRun>().ReadAsync(build.Processes, build.RootDirectory, ct);
        using var docker = DockerEngine.Connect();
        var classicStore = build.Builder is not { Length: > 0 } && !await ImageStore.IsContainerdAsync(docker, ct);
        var cache = build.EffectiveCache;
        var plan = BakePlan.For(build.ConfigureBake(new BakeRequest
        {
            Stack = stack,
            Revision = revision,
            RootDirectory = build.RootDirectory,
            ImagePrefix = build.ImagePrefix,
            Platforms = build.Platforms,
            SourceUrl = build.Context.Environment.GetValueOrDefault("GITHUB_REPOSITORY") is { Length: > 0 } repository
                ? $"{build.Context.Environment.GetValueOrDefault("GITHUB_SERVER_URL") ?? "https://github.com"}/{repository}"
                : null,
            BuildArgs = KeyValues.Parse(nameof(IBuildImages.BuildArg), build.BuildArg ?? []),
            Cache = cache,
            // Relative to the bake's working directory (the root): buildx sends a local cache's path as a gRPC header, which
            // refuses non-ASCII characters, and a checkout may live under such a path.
            CacheLocation = cache == LayerCache.Local ? (build.TemporaryDirectory / "buildx-cache").RelativeTo(build.RootDirectory) : build.BuildCacheRef,
            ClassicStore = classicStore,
            BuildxSbom = build.BuildxSbom ?? false,
            Builder = build.Builder,
        }));
        foreach (var note in plan.Notes) build.Log.Information("{Note}", note);

        var services = stack.BuiltServices.ToList();
        await new Prebuild(build.Processes).RunAsync(services, build.Platforms, ct);

        var bakeDirectory = build.TemporaryDirectory / "bake";
        Directory.CreateDirectory(bakeDirectory);
        var composeFile = bakeDirectory / "compose.yaml";
        var overrideFile = bakeDirectory / "override.json";
        var metadataFile = bakeDirectory / "metadata.json";
        await File.WriteAllTextAsync(composeFile, stack.ResolvedYaml, ct);
        await File.WriteAllTextAsync(overrideFile, plan.OverrideJson, ct);
        File.Delete(metadataFile);

        var tty = build.IsLocalBuild && !Console.IsOutputRedirected && !build.Context.Masker.HasSecrets;
        var baked = await build.Processes.RunAsync("docker", plan.Arguments(composeFile, overrideFile, metadataFile, tty),
            new ProcessOptions { InheritConsole = tty, WorkingDirectory = build.RootDirectory, ThrowOnError = false }, ct);
        if (!baked.Succeeded)
            throw new TargetFailedException(BakeFailure.Explain(baked.StandardOutput + "\n" + baked.StandardError, plan.Services));

        var images = await ImagesAsync(plan, BakeMetadata.Digests(await File.ReadAllTextAsync(metadataFile, ct), plan.Services), classicStore, ct);
        new ImagesReport { Version = plan.Version, Revision = revision.Commit, Created = revision.CommitTime, Platforms = build.Platforms, Images = images }.Save(build.ImagesFile);
        build.Log.Information("Built {Count} images for {Platforms}: {File}", images.Count, string.Join(", ", build.Platforms), build.ImagesFile.Value);
        build.ReportSummary($"{images.Count} images, {string.Join(" + ", build.Platforms)}, {plan.Version}");
    }

    /// <summary>
    /// Each service's image as the engine holds it: its index and platform manifests from the containerd content store; on
    /// the classic store, which keeps an image as its config (buildx's digest is the image ID) and makes a manifest only
    /// when it exports or pushes it, none.
    /// </summary>
    private async Task<List<BuiltImage>> ImagesAsync(BakePlan plan, IReadOnlyDictionary<string, string> digests, bool classicStore, CancellationToken ct)
    {
        using var reader = classicStore ? null : new ImageIndexReader(ContainerdSocket.Require(build.Context.Environment));
        var images = new List<BuiltImage>();
        foreach (var service in plan.Services)
        {
            var repository = plan.Settings[service].Repository;
            IReadOnlyList<PlatformManifest> manifests = reader is null ? [] : await reader.ManifestsAsync(digests[service], ct);
            var missing = build.Platforms.Except(manifests.Select(m => m.Platform)).ToList();
            if (reader is not null && missing.Count > 0)
                throw new TargetFailedException($"The image of {service} lacks platforms {string.Join(", ", missing)} (it has {string.Join(", ", manifests.Select(m => m.Platform))}).");
            images.Add(new BuiltImage
            {
                Service = service, Repository = repository, Tag = plan.Tag, Reference = $"{repository}:{plan.Tag}",
                Digest = digests[service], Manifests = manifests,
            });
        }

        return images;
    }
}
