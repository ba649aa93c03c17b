using Slipway.Build.Workflows;

namespace Slipway.Build.Tests.Workflows;

/// <summary>A release that gets its registry from the workflow and its secrets under names of the repository's choosing.</summary>
[GitHubActions("release",
    OnPushTags = ["v*"],
    InvokedTargets = [nameof(IShip.Ship)],
    Platforms = ["linux/amd64"],
    Parameters = ["Registry=ghcr.io/${{ github.repository_owner }}", "RegistryUser = ${{ github.actor }}"],
    ImportSecrets = ["Token=GITHUB_TOKEN", "GitHubToken=GITHUB_TOKEN", "Extra"])]
public sealed class NamedSecretsBuild : SlipwayBuild, IShip
{
    [Parameter("Where to ship")]
    public readonly string? Registry;

    [Parameter("Who ships")]
    public readonly string? RegistryUser;

    [Parameter("GitHub token")]
    [Secret]
    public readonly string? GitHubToken;

    [Parameter("Another secret")]
    [Secret]
    public readonly string? Extra;
}

[GitHubActions("bad", OnPushBranches = ["main"], InvokedTargets = [nameof(Compile)], Parameters = ["Key=${{ secrets.KEY }}"])]
public sealed class SecretAsParameterBuild : SlipwayBuild
{
    [Parameter("A key")]
    [Secret]
    public readonly string? Key;

    public Target Compile => _ => _.Executes(() => { });
}

[GitHubActions("bad", OnPushBranches = ["main"], InvokedTargets = [nameof(Compile)], Parameters = ["Label"])]
public sealed class ParameterWithoutValueBuild : SlipwayBuild
{
    [Parameter("A label")]
    public readonly string? Label;

    public Target Compile => _ => _.Executes(() => { });
}

[GitHubActions("bad", OnPushBranches = ["main"], InvokedTargets = [nameof(Compile)], ImportSecrets = ["Key=not a name"])]
public sealed class BadSecretNameBuild : SlipwayBuild
{
    [Parameter("A key")]
    [Secret]
    public readonly string? Key;

    public Target Compile => _ => _.Executes(() => { });
}

[GitHubActions("bad", OnPushBranches = ["main"], InvokedTargets = [nameof(Compile)], Parameters = ["Label=a"], WorkflowDispatchInputs = ["Label"])]
public sealed class ParameterGivenTwiceBuild : SlipwayBuild
{
    [Parameter("A label")]
    public readonly string? Label;

    public Target Compile => _ => _.Executes(() => { });
}

public class WorkflowEnvironmentTests
{
    [Fact]
    public void Parameters_and_named_secrets_become_environment_entries()
    {
        var workflow = Generate.Workflow(new NamedSecretsBuild(), "release");

        Assert.Equal(
        [
            new EnvironmentVariable("REGISTRY", "ghcr.io/${{ github.repository_owner }}"),
            new EnvironmentVariable("REGISTRY_USER", "${{ github.actor }}"),
        ], workflow.Environment);
        Assert.Equal(
        [
            new EnvironmentVariable("TOKEN", "${{ secrets.GITHUB_TOKEN }}"),
            // Named like its secret: the build matches environment names ignoring case and '_'.
            new EnvironmentVariable("GITHUB_TOKEN", "${{ secrets.GITHUB_TOKEN }}"),
            new EnvironmentVariable("EXTRA", "${{ secrets.EXTRA }}"),
        ], workflow.Job("ship").Secrets);
        Assert.All(workflow.Jobs.SelectMany(j => j.RunLines), line => Assert.DoesNotContain("${{", line.Replace("${{ matrix.platform }}", "")));
    }

    [Fact]
    public void The_environment_names_are_those_the_build_reads_the_parameters_from()
    {
        var parameters = ParameterDescriptor.Discover(typeof(NamedSecretsBuild));
        var workflow = Generate.Workflow(new NamedSecretsBuild(), "release");
        var environment = workflow.Environment.Concat(workflow.Jobs.SelectMany(j => j.Secrets)).DistinctBy(e => e.Name).ToDictionary(e => e.Name, _ => "x");

        var source = ParameterSource.FromEnvironment(environment, parameters);

        foreach (var name in new[] { "Registry", "RegistryUser", "Token", "GitHubToken", "Extra" })
            Assert.True(source.Values.ContainsKey(ParameterDescriptor.NormalizeKey(name)), $"{name} is not read from {string.Join(", ", environment.Keys)}");
    }

    [Theory]
    [InlineData(typeof(SecretAsParameterBuild), "Parameters: 'Key' is a [Secret]; pass it with ImportSecrets")]
    [InlineData(typeof(ParameterWithoutValueBuild), "Parameters: 'Label' has no value; expected Parameter=VALUE")]
    [InlineData(typeof(BadSecretNameBuild), "ImportSecrets: 'not a name' is not a secret name")]
    [InlineData(typeof(ParameterGivenTwiceBuild), "the parameter behind LABEL is given more than once")]
    public void Bad_declarations_are_named(Type build, string expected)
    {
        var e = Assert.Throws<BuildDefinitionException>(() => Generate.Workflow((SlipwayBuild)Activator.CreateInstance(build)!, "bad"));

        Assert.Contains(expected, e.Message);
    }
}
