using Slipway.Build;
using Slipway.Containers.Building;
using Slipway.Containers.Images;

namespace Slipway.Containers.Stacks;

/// <summary>
/// Which compose stack the container targets work on. Nothing here knows a service of ours: the repository's
/// .nuke/parameters.json points at the reference stack, and any other stack is a matter of parameters.
/// In a workflow, the stack's targets share one Docker engine, so they run in one job, once per platform on its native runner.
/// </summary>
[WorkflowJob("images", Platforms = JobPlatforms.Each, PlatformParameter = nameof(Platform), SetupSteps = [typeof(ExposeBuildCache)])]
public interface IStack : ISlipwayBuild
{
    [Parameter("Compose files of the stack, in order, like compose's -f")]
    AbsolutePath[]? ComposeFile => TryGetValue(() => ComposeFile);

    [Parameter("An env file for compose's interpolation, like compose's --env-file")]
    AbsolutePath? EnvFile => TryGetValue(() => EnvFile);

    [Parameter("Compose profiles to enable, like compose's --profile")]
    string[]? ComposeProfile => TryGetValue(() => ComposeProfile);

    [Parameter("Variables for compose's interpolation of the stack's files, as KEY=VALUE")]
    string[]? ComposeEnv => TryGetValue(() => ComposeEnv);

    [Parameter("Platforms to build and scan, e.g. linux/amd64,linux/arm64 (default: this machine's)", Separator = ",")]
    string[]? Platform => TryGetValue(() => Platform);

    /// <summary>The compose files, checked to exist.</summary>
    IReadOnlyList<AbsolutePath> ComposeFiles =>
        ComposeFile is { Length: > 0 } files
            ? files.Select(f => File.Exists(f) ? f : throw new ParameterException($"Parameter 'ComposeFile': {f} does not exist"
                + (f.Value.Contains(',') ? "; lists are separated by spaces (--compose-file a.yaml b.yaml), not commas." : "."))).ToList()
            : throw new ParameterException("Parameter 'ComposeFile' is not set: give --compose-file, or \"ComposeFile\" in .nuke/parameters.json.");

    /// <summary>--compose-env as the variables compose's processes get.</summary>
    IReadOnlyDictionary<string, string?> ComposeEnvironment =>
        KeyValues.Parse(nameof(ComposeEnv), ComposeEnv ?? []).ToDictionary(e => e.Key, string? (e) => e.Value);

    /// <summary>The stack as compose resolves it, asked of compose once per run.</summary>
    Task<StackDefinition> LoadStackAsync(CancellationToken ct) =>
        Context.State<LoadedStacks>().LoadAsync(Processes, ComposeCommand.For(this), ct, ComposeEnvironment);

    /// <summary>The platforms to build for; this machine's own when none are given.</summary>
    IReadOnlyList<string> Platforms => Platform is { Length: > 0 } platforms ? platforms : [PlatformName.Native.ToString()];

    /// <summary>artifacts/images.json, written by BuildImages.</summary>
    AbsolutePath ImagesFile => ArtifactsDirectory / "images.json";
}
