using System.Diagnostics;
using Slipway.Build;
using Slipway.Build.Execution;
using Slipway.Build.Processes;
using Slipway.Containers.Engine;
using Slipway.Containers.Images;
using Slipway.Containers.Stacks;

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
            Processors = Environment.ProcessorCount,
        }));
        foreach (var note in plan.Notes) build.Log.Information("{Note}", note);

        var bakeDirectory = build.TemporaryDirectory / "bake";
        Directory.CreateDirectory(bakeDirectory);
        var files = new BakeFiles(bakeDirectory / "compose.yaml", bakeDirectory / "override.json", bakeDirectory);
        await File.WriteAllTextAsync(files.Compose, stack.ResolvedYaml, ct);
        await File.WriteAllTextAsync(files.Override, plan.OverrideJson, ct);
        // Two bakes at once would fight over the terminal: buildx's tty progress only when there is one.
        var tty = plan.Waves.Count == 1 && build.IsLocalBuild && !Console.IsOutputRedirected && !build.Context.Masker.HasSecrets;

        // What builds nothing can start before anything is built.
        await build.ImagesLoadedAsync([], plan.Services, true, ct);

        // The waves run side by side, the second after the prebuilds it needs; the first failure stops the other wave.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var loads = new LoadedImages(build, plan.Services, plan.Waves.Count);
        var waves = await AllUnlessOneFailsAsync(plan.Waves.Select(wave => RunWaveAsync(plan, wave, stack, files, tty, classicStore, docker, loads, stop.Token)).ToList(), stop, ct);

        var images = plan.Services.Select(s => waves.SelectMany(w => w.Images).Single(i => i.Service == s)).ToList();
        new ImagesReport { Version = plan.Version, Revision = revision.Commit, Created = revision.CommitTime, Platforms = build.Platforms, Images = images }.Save(build.ImagesFile);
        build.Log.Information("Built {Count} images for {Platforms}: {File}", images.Count, string.Join(", ", build.Platforms), build.ImagesFile.Value);
        build.ReportSummary($"{images.Count} images, {string.Join(" + ", build.Platforms)}, {plan.Version}{Saved(waves)}");
    }

    private sealed record BakeFiles(string Compose, string Override, AbsolutePath Directory);

    private sealed record WaveResult(BakeWave Wave, IReadOnlyList<BuiltImage> Images, TimeSpan Prebuilds, TimeSpan Total);

    private async Task<WaveResult> RunWaveAsync(
        BakePlan plan, BakeWave wave, StackDefinition stack, BakeFiles files, bool tty, bool classicStore, Docker.DotNet.DockerClient docker, LoadedImages loads, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        if (wave.AfterPrebuilds)
            await new Prebuild(build.Processes).RunAsync(stack.BuiltServices.Where(s => wave.Services.Contains(s.Name)), build.Platforms, ct);
        var prebuilds = clock.Elapsed;

        var metadataFile = files.Directory / (wave.AfterPrebuilds ? "metadata-after-prebuilds.json" : "metadata.json");
        File.Delete(metadataFile);
        var watch = await LoadWatch.StartAsync(docker, wave.Services.ToDictionary(s => s, s => plan.Settings[s].Reference), ct);
        using var baking = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var watching = WatchAsync(watch, plan, classicStore, loads, baking.Token, ct);
        ProcessResult baked;
        try
        {
            baked = await build.Processes.RunAsync("docker", plan.Arguments(wave, files.Compose, files.Override, metadataFile, tty),
                new ProcessOptions { InheritConsole = tty, WorkingDirectory = build.RootDirectory, ThrowOnError = false }, ct);
        }
        finally
        {
            await baking.CancelAsync();
            await watching;
            loads.BakeEnded();
        }
        if (!baked.Succeeded)
            throw new TargetFailedException(BakeFailure.Explain(baked.StandardOutput + "\n" + baked.StandardError, wave.Services));
        var images = await ImagesAsync(plan, wave.Services, BakeMetadata.Digests(await File.ReadAllTextAsync(metadataFile, ct), wave.Services), classicStore, ct);
        var total = clock.Elapsed;

        await loads.LoadedAsync(images.Where(i => !loads.WasReported(i.Service)).ToList(), ct);
        return new WaveResult(wave, images, prebuilds, total);
    }

    /// <summary>
    /// Reports each image of the wave as the engine gets it. It never fails the build: when the bake ends, a look still
    /// under way is cut off (the engine's and containerd's clients say so in their own exception types), and any other
    /// failure to look only means the image is reported with the bake's result.
    /// </summary>
    /// <param name="baking">Cancelled when the bake ends.</param>
    private async Task WatchAsync(LoadWatch watch, BakePlan plan, bool classicStore, LoadedImages loads, CancellationToken baking, CancellationToken ct)
    {
        try
        {
            await watch.WatchAsync(async (service, id) =>
                await loads.LoadedAsync(await ImagesAsync(plan, [service], new Dictionary<string, string> { [service] = id }, classicStore, baking), ct), baking);
        }
        catch (Exception) when (baking.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            build.Log.Debug("Watching for loaded images stopped: {Message}", e.Message);
        }
    }

    /// <summary>Every wave's result; when one fails, the others are stopped and that failure, not the stops it caused, is what is thrown.</summary>
    private static async Task<WaveResult[]> AllUnlessOneFailsAsync(IReadOnlyList<Task<WaveResult>> waves, CancellationTokenSource stop, CancellationToken ct)
    {
        try
        {
            return await Task.WhenAll(waves.Select(async wave =>
            {
                try
                {
                    return await wave;
                }
                catch
                {
                    await stop.CancelAsync();
                    throw;
                }
            }));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            var failure = waves.Select(w => w.Exception?.InnerException).First(e => e is not null and not OperationCanceledException)!;
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            throw;
        }
    }

    /// <summary>The wall time the overlap saved: the first wave's bake, as far as it ran while the prebuilds did.</summary>
    private static string Saved(IReadOnlyList<WaveResult> waves)
    {
        if (waves is not [{ Wave.AfterPrebuilds: false } first, { Wave.AfterPrebuilds: true } second]) return "";
        var saved = first.Total < second.Prebuilds ? first.Total : second.Prebuilds;
        return saved >= TimeSpan.FromSeconds(0.1) ? $"; baking {string.Join(", ", first.Wave.Services)} during the prebuilds saved {saved.TotalSeconds:0.0} s" : "";
    }

    /// <summary>
    /// Each service's image as the engine holds it: its index and platform manifests from the containerd content store; on
    /// the classic store, which keeps an image as its config (buildx's digest is the image ID) and makes a manifest only
    /// when it exports or pushes it, none.
    /// </summary>
    private async Task<List<BuiltImage>> ImagesAsync(BakePlan plan, IReadOnlyList<string> services, IReadOnlyDictionary<string, string> digests, bool classicStore, CancellationToken ct)
    {
        using var reader = classicStore ? null : new ImageIndexReader(ContainerdSocket.Require(build.Context.Environment));
        var images = new List<BuiltImage>();
        foreach (var service in services)
        {
            var settings = plan.Settings[service];
            IReadOnlyList<PlatformManifest> manifests = reader is null ? [] : await reader.ManifestsAsync(digests[service], ct);
            var missing = build.Platforms.Except(manifests.Select(m => m.Platform)).ToList();
            if (reader is not null && missing.Count > 0)
                throw new TargetFailedException($"The image of {service} lacks platforms {string.Join(", ", missing)} (it has {string.Join(", ", manifests.Select(m => m.Platform))}).");
            images.Add(new BuiltImage
            {
                Service = service, Repository = settings.Repository, Tag = settings.Tag, Reference = settings.Reference,
                Digest = digests[service], Manifests = manifests,
            });
        }

        return images;
    }
}
