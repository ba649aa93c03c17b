using Slipway.Build.Execution;
using Slipway.Containers.Stacks;

namespace Slipway.Containers.Building;

/// <summary>What a bake needs to know: the stack, the commit, the parameters, and what the engine's image store can hold.</summary>
public sealed record BakeRequest
{
    public required StackDefinition Stack { get; init; }
    public required SourceRevision Revision { get; init; }

    /// <summary>The checkout: names its own local tag, and is the bake's working directory (the local cache is relative to it).</summary>
    public required string RootDirectory { get; init; }

    public string? ImagePrefix { get; init; }
    public required IReadOnlyList<string> Platforms { get; init; }

    /// <summary>The repository's browsable address for the source label (the CI's, else the origin remote's).</summary>
    public string? SourceUrl { get; init; }

    public IReadOnlyDictionary<string, string> BuildArgs { get; init; } = new Dictionary<string, string>();
    public required LayerCache Cache { get; init; }

    /// <summary>The local cache folder (for Local) or the registry prefix (for Registry).</summary>
    public string? CacheLocation { get; init; }

    /// <summary>The engine's own builder loads into a classic image store: one platform, no exported cache, no attestations.</summary>
    public bool ClassicStore { get; init; }

    public bool BuildxSbom { get; init; }
    public string? Builder { get; init; }

    /// <summary>The machine's processors: images bake beside the prebuilds only when there are cores to spare.</summary>
    public int Processors { get; init; } = 1;
}

/// <summary>
/// One bake of the plan. With cores to spare, images that need no prebuild are baked at once, alongside the prebuilds,
/// which a script running "prebuild, then bake" would make wait; the images whose prebuild prepares their context are
/// baked after it.
/// </summary>
public sealed record BakeWave(IReadOnlyList<string> Services, bool AfterPrebuilds);

/// <summary>
/// The bake BuildImages runs, decided before anything runs: version and local tag, each service's repository, labels,
/// cache and attestations, the bake file laid over compose's, the waves, and the command line. Pure.
/// </summary>
public sealed record BakePlan(
    string Version, string Tag, IReadOnlyList<string> Services, IReadOnlyDictionary<string, BakeSettings> Settings, string OverrideJson, IReadOnlyList<string> Notes, string? Builder,
    IReadOnlyList<BakeWave> Waves)
{
    /// <summary>
    /// Fewer processors than this run the prebuilds first, then one bake. Measured with bench/chain.sh on two: a cold
    /// bake of apt-installing images beside the .NET and npm prebuilds slowed both so much that BuildImages took longer
    /// than the prebuilds followed by one bake.
    /// </summary>
    public const int SideBySideProcessors = 4;

    public static BakePlan For(BakeRequest request)
    {
        var services = request.Stack.BuiltServices.Select(s => s.Name).ToList();
        if (services.Count == 0)
            throw new TargetFailedException($"No service of the stack '{request.Stack.Name}' has a build section: there is nothing to build.");
        if (request.ClassicStore && request.Platforms.Count > 1)
            throw new TargetFailedException($"Building for {string.Join(", ", request.Platforms)} loads multi-platform images, which only the engine's containerd image store holds, and this engine uses the classic store. "
                                            + "Run Restore with --allow-engine-restart to switch it (its classic images are then hidden and its containers stopped), build one platform, or use --builder.");

        var notes = new List<string>();
        var cache = request.Cache;
        if (request.ClassicStore && cache != LayerCache.None)
        {
            notes.Add($"The engine's classic image store cannot export a layer cache: building without --build-cache {cache} (BuildKit's cache inside the engine still applies)");
            cache = LayerCache.None;
        }

        var version = ImageNaming.Version(request.Revision);
        var tag = ImageNaming.LocalTag(version, request.RootDirectory);
        var prefix = request.ImagePrefix ?? request.Stack.Name;
        var revision = request.Revision with { SourceUrl = request.SourceUrl ?? request.Revision.SourceUrl };
        var settings = services.ToDictionary(s => s, s => new BakeSettings(
            ImageNaming.Repository(prefix, s), tag, request.Platforms,
            BakeOverride.OciLabels(s, revision, version),
            request.BuildArgs,
            cache,
            cache is LayerCache.Local or LayerCache.Registry ? request.CacheLocation : null,
            // The classic store keeps no attestation manifests, and buildx refuses to make them for it.
            request.ClassicStore ? [] : BakeOverride.Attestations(request.BuildxSbom)));
        var prebuilt = request.Stack.BuiltServices.Where(s => Prebuild.CommandOf(s) is not null).Select(s => s.Name).ToHashSet();
        var waves = request.Processors < SideBySideProcessors && prebuilt.Count > 0
            ? [new BakeWave(services, true)]
            : new[] { new BakeWave(services.Where(s => !prebuilt.Contains(s)).ToList(), false), new BakeWave(services.Where(prebuilt.Contains).ToList(), true) }
                .Where(w => w.Services.Count > 0).ToList();
        return new BakePlan(version, tag, services, settings, BakeOverride.Write(settings), notes, request.Builder, waves);
    }

    /// <summary><c>docker buildx bake</c>'s arguments for one wave: compose's resolved file, the override, the wave's metadata file, and its services.</summary>
    public IReadOnlyList<string> Arguments(BakeWave wave, string composeFile, string overrideFile, string metadataFile, bool tty)
    {
        List<string> arguments = ["buildx", "bake", "-f", composeFile, "-f", overrideFile, "--metadata-file", metadataFile, "--load", "--progress", tty ? "tty" : "plain"];
        if (Builder is { Length: > 0 } builder) arguments.AddRange(["--builder", builder]);
        arguments.AddRange(wave.Services);
        return arguments;
    }
}
