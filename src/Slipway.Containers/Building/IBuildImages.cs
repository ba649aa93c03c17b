using Slipway.Build;
using Slipway.Build.Execution;
using Slipway.Build.Processes;
using Slipway.Containers.Images;
using Slipway.Containers.Machine;
using Slipway.Containers.Stacks;

namespace Slipway.Containers.Building;

/// <summary>Builds the stack's images with buildx bake for every requested platform and records their digests.</summary>
public interface IBuildImages : IRestore
{
    [Parameter("Repository prefix of the built images: <prefix>/<service>:sha-<commit> (default: the compose project name)")]
    string? ImagePrefix => TryGetValue(() => ImagePrefix);

    [Parameter("An existing buildx builder to build with (remote BuildKit, kubernetes, a build cloud) instead of the engine's own")]
    string? Builder => TryGetValue(() => Builder);

    [Parameter("Where buildx keeps its layer cache: Local (under .nuke/temp), Gha, Registry (with --build-cache-ref) or None; default Local, Gha under GitHub Actions")]
    BuildCache? BuildCache => TryGetValue<BuildCache?>(() => BuildCache);

    [Parameter("Registry repository prefix for --build-cache Registry, e.g. ghcr.io/acme/cache")]
    string? BuildCacheRef => TryGetValue(() => BuildCacheRef);

    [Parameter("Also attach buildx's own SPDX SBOM attestation to the images (the builder must be able to pull docker/buildkit-syft-scanner); provenance (mode=max) is always attached")]
    bool? BuildxSbom => TryGetValue<bool?>(() => BuildxSbom);

    [Parameter("Build arguments for every image, as KEY=VALUE (provenance records them: never pass a secret this way)")]
    string[]? BuildArg => TryGetValue(() => BuildArg);

    Target BuildImages => _ => _
        .Description("Builds the stack's images with buildx bake; digests go to artifacts/images.json")
        .DependsOn<IRestore>(x => x.Restore)
        .Produces("artifacts/images.json")
        .Executes(async ct =>
        {
            var stack = await Context.State<LoadedStacks>().LoadAsync(Processes, ComposeCommand.For(this), ct);
            var services = stack.BuiltServices.ToList();
            if (services.Count == 0)
                throw new TargetFailedException($"No service of {ComposeCommand.For(this).Describe()} has a build section: there is nothing to build.");

            var revision = await SourceRevision.ReadAsync(Processes, RootDirectory, ct);
            var tag = ImageNaming.Tag(revision);
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
            var settings = services.ToDictionary(s => s.Name, s => new BakeSettings(
                ImageNaming.Repository(prefix, s.Name), tag, Platforms,
                BakeOverride.OciLabels(s.Name, revision with { SourceUrl = source }, tag),
                buildArgs,
                EffectiveCache,
                EffectiveCache switch
                {
                    Building.BuildCache.Local => TemporaryDirectory / "buildx-cache",
                    Building.BuildCache.Registry => BuildCacheRef ?? throw new ParameterException("Parameter 'BuildCacheRef' is required with --build-cache Registry."),
                    _ => null,
                },
                BakeOverride.Attestations(BuildxSbom ?? false)));
            File.WriteAllText(overrideFile, BakeOverride.Write(settings));
            File.Delete(metadataFile);

            var tty = IsLocalBuild && !Console.IsOutputRedirected && !Context.Masker.HasSecrets;
            List<string> bake = ["buildx", "bake", "-f", composeFile, "-f", overrideFile, "--metadata-file", metadataFile, "--load", "--progress", tty ? "tty" : "plain"];
            if (Builder is { Length: > 0 } builder) bake.AddRange(["--builder", builder]);
            bake.AddRange(services.Select(s => s.Name));
            await Processes.RunAsync("docker", bake, new ProcessOptions { InheritConsole = tty }, ct);

            var digests = BakeMetadata.Digests(File.ReadAllText(metadataFile), settings.Keys);
            using var reader = new ImageIndexReader();
            var images = new List<BuiltImage>();
            foreach (var service in services)
            {
                var manifests = await reader.ManifestsAsync(digests[service.Name], ct);
                var missing = Platforms.Except(manifests.Select(m => m.Platform)).ToList();
                if (missing.Count > 0)
                    throw new TargetFailedException($"The image of {service.Name} lacks platforms {string.Join(", ", missing)} (it has {string.Join(", ", manifests.Select(m => m.Platform))}).");
                var repositoryName = settings[service.Name].Repository;
                images.Add(new BuiltImage
                {
                    Service = service.Name, Repository = repositoryName, Tag = tag, Reference = $"{repositoryName}:{tag}",
                    Digest = digests[service.Name], Manifests = manifests,
                });
            }

            new BuildReport { Version = tag, Revision = revision.Commit, Created = revision.CommitTime, Platforms = Platforms, Images = images }.Save(BuildReportFile);
            Log.Information("Built {Count} images for {Platforms}: {File}", images.Count, string.Join(", ", Platforms), BuildReportFile.Value);
            ReportSummary($"{images.Count} images, {string.Join(" + ", Platforms)}, {tag}");
        });

    BuildCache EffectiveCache => BuildCache ?? (IsServerBuild ? Building.BuildCache.Gha : Building.BuildCache.Local);
}
