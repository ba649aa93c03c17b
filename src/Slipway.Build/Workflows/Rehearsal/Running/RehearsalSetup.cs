using Slipway.Build.Logging;

namespace Slipway.Build.Workflows.Rehearsal;

/// <summary>
/// What every job run of one rehearsal shares: the plan, the repository, the folders, the environment this process inherited
/// and the part of it the jobs get (the machine's), the stand-in, and the variables given for every job (--rehearsal-env).
/// </summary>
public sealed record RehearsalSetup(
    RehearsalPlan Plan,
    string SourceRepository,
    string RepositoryName,
    string WorkFolder,
    string LogFolder,
    ArtifactStore Store,
    IReadOnlyDictionary<string, string> InheritedEnvironment,
    IReadOnlyDictionary<string, string> MachineEnvironment,
    IRehearsalStandIn StandIn,
    IReadOnlyDictionary<string, string> ExtraVariables,
    SecretMasker Masker);
