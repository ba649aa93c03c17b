using Slipway.Build;
using Slipway.Build.Execution;
using Slipway.Build.Processes;
using Slipway.Containers.Engine;
using Slipway.Containers.Images;
using Slipway.Build.Workflows.Rehearsal;
using Slipway.Containers.Machine;
using Slipway.Containers.Rehearsal;
using Slipway.Containers.Stacks;

namespace Slipway.Containers.Building;

/// <summary>Builds the stack's images with buildx bake for every requested platform and records their digests.</summary>
public interface IBuildImages : IRestore, IRehearseWorkflow
{
    [Parameter("Repository prefix of the built images: <prefix>/<service>:sha-<commit> (default: the compose project name)")]
    string? ImagePrefix => TryGetValue(() => ImagePrefix);

    [Parameter("An existing buildx builder to build with (remote BuildKit, kubernetes, a build cloud) instead of the engine's own")]
    string? Builder => TryGetValue(() => Builder);

    [Parameter("Where buildx keeps its layer cache: Local (under .nuke/temp), Gha, Registry (with --build-cache-ref) or None; default Local, and under GitHub Actions Gha when the cache service is exposed to run steps (ACTIONS_RUNTIME_TOKEN), else None")]
    BuildCache? BuildCache => TryGetValue<BuildCache?>(() => BuildCache);

    [Parameter("Registry repository prefix for --build-cache Registry, e.g. ghcr.io/acme/cache")]
    string? BuildCacheRef => TryGetValue(() => BuildCacheRef);

    [Parameter("Build arguments for every image, as KEY=VALUE")]
    string[]? BuildArg => TryGetValue(() => BuildArg);

    Target BuildImages => _ => _
        .Description("Builds the stack's images with buildx bake; digests go to artifacts/images.json")
        .DependsOn<IRestore>(x => x.Restore)
        .Produces("artifacts/images.json")
        .Validates(ct => StackInputs.ValidateAsync(this, ct))
        .Validates(ct => BuildInputs.ValidateAsync(this, ct))
        .Executes(async ct =>
        {
            var stack = await LoadStackAsync(ct);
            var services = stack.BuiltServices.ToList();
            if (services.Count == 0)
                throw new TargetFailedException($"No service of {ComposeCommand.For(this).Describe()} has a build section: there is nothing to build.");

            var revision = await SourceRevision.ReadAsync(Processes, RootDirectory, ct);
            var version = ImageNaming.Version(revision);
            var tag = ImageNaming.LocalTag(version, RootDirectory);
            var prefix = ImagePrefix ?? stack.Name;
            await new Prebuild(Processes).RunAsync(services, Platforms, ct);

            var bakeDirectory = TemporaryDirectory / "bake";
            Directory.CreateDirectory(bakeDirectory);
            var composeFile = bakeDirectory / "compose.yaml";
            var overrideFile = bakeDirectory / "override.json";
            var metadataFile = bakeDirectory / "metadata.json";
            File.WriteAllText(composeFile, stack.ResolvedYaml);
            var source = Context.Environment.GetValueOrDefault("GITHUB_REPOSITORY") is { Length: > 0 } repository
                ? $"{Context.Environment.GetValueOrDefault("GITHUB_SERVER_URL") ?? "https://github.com"}/{repository}"
                : revision.SourceUrl;
            var buildArgs = KeyValues.Parse(nameof(BuildArg), BuildArg ?? []);
            using var docker = DockerEngine.Connect();
            // The engine's own builder loads into the engine's store; a classic store takes one platform and exports no cache.
            var classicStore = Builder is not { Length: > 0 } && !await ImageStore.IsContainerdAsync(docker, ct);
            if (classicStore && Platforms.Count > 1)
                throw new TargetFailedException($"Building for {string.Join(", ", Platforms)} loads multi-platform images, which only the engine's containerd image store holds, and this engine uses the classic store. "
                                                + "Run Restore with --allow-engine-restart to switch it (its classic images are then hidden and its containers stopped), build one platform, or use --builder.");
            var cache = EffectiveCache;
            if (classicStore && cache != Building.BuildCache.None)
            {
                Log.Information("The engine's classic image store cannot export a layer cache: building without --build-cache {Cache} (BuildKit's cache inside the engine still applies)", cache);
                cache = Building.BuildCache.None;
            }

            var settings = services.ToDictionary(s => s.Name, s => new BakeSettings(
                ImageNaming.Repository(prefix, s.Name), tag, Platforms,
                BakeOverride.OciLabels(s.Name, revision with { SourceUrl = source }, version),
                buildArgs,
                cache,
                cache switch
                {
                    // Relative to the bake's working directory: buildx sends a local cache's path as a gRPC header, which
                    // refuses non-ASCII characters, and a checkout may live under such a path.
                    Building.BuildCache.Local => (TemporaryDirectory / "buildx-cache").RelativeTo(RootDirectory),
                    Building.BuildCache.Registry => BuildCacheRef ?? throw new ParameterException("Parameter 'BuildCacheRef' is required with --build-cache Registry."),
                    _ => null,
                }));
            File.WriteAllText(overrideFile, BakeOverride.Write(settings));
            File.Delete(metadataFile);

            var tty = IsLocalBuild && !Console.IsOutputRedirected && !Context.Masker.HasSecrets;
            List<string> bake = ["buildx", "bake", "-f", composeFile, "-f", overrideFile, "--metadata-file", metadataFile, "--load", "--progress", tty ? "tty" : "plain"];
            if (Builder is { Length: > 0 } builder) bake.AddRange(["--builder", builder]);
            bake.AddRange(services.Select(s => s.Name));
            var baked = await Processes.RunAsync("docker", bake, new ProcessOptions { InheritConsole = tty, WorkingDirectory = RootDirectory, ThrowOnError = false }, ct);
            if (!baked.Succeeded)
                throw new TargetFailedException(BakeFailure.Explain(baked.StandardOutput + "\n" + baked.StandardError, services.Select(s => s.Name).ToList()));

            var digests = BakeMetadata.Digests(File.ReadAllText(metadataFile), settings.Keys);
            using var reader = classicStore ? null : new ImageIndexReader();
            var images = new List<BuiltImage>();
            foreach (var service in services)
            {
                var repositoryName = settings[service.Name].Repository;
                // The classic store keeps an image as its config (buildx's digest is the image ID) and makes a manifest only when it exports or pushes it.
                IReadOnlyList<PlatformManifest> manifests = classicStore ? [] : await reader!.ManifestsAsync(digests[service.Name], ct);
                var missing = Platforms.Except(manifests.Select(m => m.Platform)).ToList();
                if (!classicStore && missing.Count > 0)
                    throw new TargetFailedException($"The image of {service.Name} lacks platforms {string.Join(", ", missing)} (it has {string.Join(", ", manifests.Select(m => m.Platform))}).");
                images.Add(new BuiltImage
                {
                    Service = service.Name, Repository = repositoryName, Tag = tag, Reference = $"{repositoryName}:{tag}",
                    Digest = digests[service.Name], Manifests = manifests,
                });
            }

            new BuildReport { Version = version, Revision = revision.Commit, Created = revision.CommitTime, Platforms = Platforms, Images = images }.Save(BuildReportFile);
            Log.Information("Built {Count} images for {Platforms}: {File}", images.Count, string.Join(", ", Platforms), BuildReportFile.Value);
            ReportSummary($"{images.Count} images, {string.Join(" + ", Platforms)}, {version}");
        });

    /// <summary>A rehearsal removes the images its jobs built, as their runners would be thrown away with them.</summary>
    Task<IRehearsalStandIn> IRehearseWorkflow.StartRehearsalStandInAsync(RehearsalPlan plan, CancellationToken cancellationToken) => RehearsalStandIns.ImagesOnly(this);

    /// <summary>buildx's type=gha cache needs the cache service's token, which run steps only see when a step exposes it.</summary>
    BuildCache EffectiveCache => BuildCache ?? (!IsServerBuild ? Building.BuildCache.Local
        : Context.Environment.GetValueOrDefault("ACTIONS_RUNTIME_TOKEN") is { Length: > 0 } ? Building.BuildCache.Gha
        : Building.BuildCache.None);
}
