using Slipway.Build.Workflows;

namespace Slipway.Build.Tests.Workflows;

/// <summary>A step a component declares for its job: the engine writes it, knowing nothing of what it is for.</summary>
public sealed class ExposeRuntime : IWorkflowSetupStep
{
    public Step Create(ActionPins pins) =>
        new("Expose the runtime", pins.Uses(ActionPins.GitHubScript)) { UsesVersion = pins.Version(ActionPins.GitHubScript), With = [new("script", "core.exportVariable('TOKEN', process.env.TOKEN)")] };
}

/// <summary>A container chain in miniature: every target shares one engine, per platform.</summary>
[WorkflowJob("engine", Platforms = JobPlatforms.Each, PlatformParameter = nameof(Platform), SetupSteps = [typeof(ExposeRuntime)])]
public interface IEngine : ISlipwayBuild
{
    [Parameter("Platforms", Separator = ",")]
    string[]? Platform => TryGetValue(() => Platform);

    [WorkflowSetup]
    Target Prepare => _ => _.Executes(() => { });

    Target MakeImages => _ => _
        .DependsOn<IEngine>(x => x.Prepare)
        .Produces("artifacts/images.json")
        .Executes(() => { });

    [UploadSarif("artifacts/scan")]
    Target Scan => _ => _
        .DependsOn<IEngine>(x => x.MakeImages)
        .Consumes<IEngine>(x => x.MakeImages)
        .Produces("artifacts/scan/**")
        .Executes(() => { });

    Target Up => _ => _
        .DependsOn<IEngine>(x => x.MakeImages)
        .Triggers<IEngine>(x => x.Down)
        .Executes(() => { });

    Target Down => _ => _.AssuredAfterFailure().Executes(() => { });

    Target Check => _ => _
        .DependsOn<IEngine>(x => x.Up, x => x.Scan)
        .Before<IEngine>(x => x.Down)
        .Produces("artifacts/check/**")
        .Executes(() => { });
}

/// <summary>Ships what every platform's job made, once.</summary>
[WorkflowJob("ship", Platforms = JobPlatforms.All, PlatformParameter = nameof(Platform))]
[WorkflowPermission("packages", "write")]
public interface IShip : IEngine
{
    [Parameter("Registry token")]
    [Secret]
    string? Token => TryGetValue(() => Token);

    Target Ship => _ => _
        .DependsOn<IEngine>(x => x.Check, x => x.Scan)
        .Consumes<IEngine>(x => x.MakeImages)
        .Executes(() => { });
}

public enum Mode
{
    Quick,
    Thorough,
}

[GitHubActions("ci",
    OnPushBranches = ["main"],
    OnPushExcludePaths = ["docs/**"],
    OnPullRequestBranches = ["main"],
    OnCronSchedule = "0 3 * * 1",
    WorkflowDispatchInputs = [nameof(Fast), nameof(Mode), nameof(Label)],
    InvokedTargets = [nameof(UnitTest), nameof(IEngine.Check), nameof(Docs)],
    Platforms = ["linux/amd64", "linux/arm64"],
    ConcurrencyGroup = "${{ github.workflow }}-${{ github.ref }}",
    ConcurrencyCancelInProgress = true)]
[GitHubActions("release",
    OnPushTags = ["v*"],
    InvokedTargets = [nameof(IShip.Ship)],
    Platforms = ["linux/amd64", "linux/arm64"],
    ImportSecrets = [nameof(IShip.Token)],
    Environment = "release",
    RunsOn = ["self-hosted", "linux", "x64"],
    TimeoutMinutes = 30)]
public sealed class WorkflowBuild : SlipwayBuild, IShip, ICheckWorkflows
{
    [Parameter("Skip slow checks")]
    public readonly bool Fast;

    [Parameter("How thorough")]
    public readonly Mode Mode = Mode.Quick;

    [Parameter("A label")]
    public readonly string? Label;

    public Target Compile => _ => _.Executes(() => { });

    public Target UnitTest => _ => _
        .DependsOn(Compile)
        .DependsOn<IEngine>(x => x.Prepare)
        .Produces("artifacts/tests/**")
        .Executes(() => { });

    public Target Docs => _ => _
        .DependsOn(UnitTest)
        .Consumes(UnitTest)
        .Produces("artifacts/docs/site/**", "artifacts/docs/index.html")
        .Executes(() => { });
}

/// <summary>The same chain without the workflow check and without platforms: no gate job, no matrix.</summary>
[GitHubActions("plain", OnPushBranches = ["main"], InvokedTargets = [nameof(IEngine.Check)])]
public sealed class PlainBuild : SlipwayBuild, IEngine;

[WorkflowJob("a")]
public interface IJobA : ISlipwayBuild
{
    Target A1 => _ => _.Executes(() => { });
    Target A2 => _ => _.DependsOn<IJobB>(x => x.B1).Executes(() => { });
}

[WorkflowJob("b")]
public interface IJobB : ISlipwayBuild
{
    Target B1 => _ => _.DependsOn<IJobA>(x => x.A1).Executes(() => { });
}

/// <summary>Job a waits for b, which waits for a: no order of jobs can run it.</summary>
[GitHubActions("cycle", OnPushBranches = ["main"], InvokedTargets = ["A2"])]
public sealed class CyclicJobsBuild : SlipwayBuild, IJobA, IJobB;

[GitHubActions("bad", OnPushBranches = ["main"], InvokedTargets = [nameof(Compile)], ImportSecrets = [nameof(Label)])]
public sealed class NonSecretImportBuild : SlipwayBuild
{
    [Parameter("A label")]
    public readonly string? Label;

    public Target Compile => _ => _.Executes(() => { });
}

[GitHubActions("bad", OnPushBranches = ["main"], InvokedTargets = [nameof(Package)])]
public sealed class ProductOutsideArtifactsBuild : SlipwayBuild
{
    public Target Package => _ => _.Produces("out/package.zip").Executes(() => { });
}

/// <summary><see cref="PlainBuild"/> with Check rewired to depend on MakeImages only: the same workflow, other jobs' targets.</summary>
[GitHubActions("plain", OnPushBranches = ["main"], InvokedTargets = [nameof(Check)])]
public sealed class RewiredBuild : SlipwayBuild
{
    public Target MakeImages => _ => _.Executes(() => { });
    public Target Check => _ => _.DependsOn(MakeImages).Executes(() => { });
}

public enum SigningKind
{
    None,
    Keyless,
}

/// <summary>Ships with an OIDC token when, and only when, the workflow signs keyless.</summary>
[WorkflowJob("ship", Platforms = JobPlatforms.All, PlatformParameter = nameof(Platform))]
[WorkflowPermission("packages", "write")]
[WorkflowPermission("id-token", "write", When = "Sign=Keyless")]
public interface ISignedShip : IEngine
{
    [Parameter("How to sign")]
    SigningKind? Sign => TryGetValue<SigningKind?>(() => Sign);

    Target Ship => _ => _
        .DependsOn<IEngine>(x => x.Check)
        .Consumes<IEngine>(x => x.MakeImages)
        .Executes(() => { });
}

[GitHubActions("signed", OnPushTags = ["v*"], InvokedTargets = [nameof(ISignedShip.Ship)], Platforms = ["linux/amd64", "linux/arm64"], Parameters = ["Sign=keyless"])]
[GitHubActions("unsigned", OnPushTags = ["v*"], InvokedTargets = [nameof(ISignedShip.Ship)], Platforms = ["linux/amd64", "linux/arm64"], Parameters = ["Sign=None"])]
public sealed class SigningBuild : SlipwayBuild, ISignedShip, ICheckWorkflows;

[WorkflowPermission("id-token", "write", When = "Nope=Keyless")]
public interface IBadCondition : ISlipwayBuild
{
    Target Sign => _ => _.Executes(() => { });
}

[GitHubActions("bad", OnPushBranches = ["main"], InvokedTargets = ["Sign"])]
public sealed class BadConditionBuild : SlipwayBuild, IBadCondition;
