using Slipway.Build;
using Slipway.GlobalTool.Scaffold;

namespace Slipway.GlobalTool.Tests;

/// <summary>Slipway's own repository is set up as init sets up any other, with project references in place of packages.</summary>
public sealed class ScaffoldTests
{
    private static readonly AbsolutePath Repository = BuildRunner.FindRoot(AppContext.BaseDirectory);

    [Fact]
    public void Slipways_build_project_is_the_scaffold_with_project_references()
    {
        Assert.Equal(File.ReadAllText(Repository / ScaffoldFiles.BuildProjectPath), ScaffoldFiles.BuildProject(new BuildReferences.Projects(@"..\src")));
    }

    [Fact]
    public void Slipways_parameters_are_the_scaffold_naming_its_reference_stack()
    {
        Assert.Equal(File.ReadAllText(Repository / ScaffoldFiles.ParametersPath), ScaffoldFiles.Parameters(["src/ReferenceStack/compose.yaml"], []));
    }

    [Theory]
    [InlineData("build.sh")]
    [InlineData("build.ps1")]
    [InlineData("build.cmd")]
    public void The_bootstrap_init_writes_is_Slipways_own_byte_for_byte(string script)
    {
        Assert.Equal(File.ReadAllText(Repository / script), ScaffoldFiles.BootstrapScript(script));
    }

    [Fact]
    public void The_sdk_pin_init_writes_is_Slipways_own()
    {
        Assert.Equal(File.ReadAllText(Repository / "global.json"), ScaffoldFiles.GlobalJson());
    }

    [Fact]
    public void In_another_repository_the_build_project_references_both_packages_at_one_version()
    {
        var project = ScaffoldFiles.BuildProject(new BuildReferences.Packages("1.4.0-rc.1"));

        Assert.Contains("""<PackageReference Include="Slipway.Build" Version="1.4.0-rc.1" />""", project);
        Assert.Contains("""<PackageReference Include="Slipway.Containers" Version="1.4.0-rc.1" />""", project);
        Assert.DoesNotContain("ProjectReference", project);
        Assert.Equal(ScaffoldFiles.BuildProject(new BuildReferences.Projects(@"..\src")).Split('\n').Length, project.Split('\n').Length);
    }

    [Fact]
    public void Parameters_name_profiles_when_there_are_some()
    {
        Assert.Equal("{\n  \"$schema\": \"./build.schema.json\",\n  \"ComposeFile\": [\"compose.yaml\", \"compose.override.yml\"],\n  \"ComposeProfile\": [\"tools\"]\n}\n",
            ScaffoldFiles.Parameters(["compose.yaml", "compose.override.yml"], ["tools"]));
    }

    [Fact]
    public void The_build_class_declares_the_chosen_branch_platforms_and_registry()
    {
        var text = ScaffoldFiles.BuildClass(new CiSettings("trunk", ["linux/amd64"], CiSettings.GitHubRegistry));

        Assert.Contains("class Build : SlipwayBuild, IPublish, ICheckWorkflows", text);
        Assert.Contains("Execute<Build>(x => x.From<ISmokeTest>().SmokeTest)", text);
        Assert.Contains("OnPushBranches = [\"trunk\"]", text);
        Assert.Equal(2, text.Split("Platforms = [\"linux/amd64\"]").Length - 1);
        Assert.Contains("\"Registry=ghcr.io/${{ github.repository_owner }}\", \"RegistryUsername=${{ github.actor }}\"", text);
        Assert.Contains("\"RegistryPassword=GITHUB_TOKEN\"", text);
    }

    [Fact]
    public void Another_registry_takes_its_credentials_from_a_repository_variable_and_secret()
    {
        var text = ScaffoldFiles.BuildClass(new CiSettings("main", CiSettings.DefaultPlatforms, "registry.example.com/team"));

        Assert.Contains("\"Registry=registry.example.com/team\", \"RegistryUsername=${{ vars.REGISTRY_USERNAME }}\"", text);
        Assert.Contains("\"RegistryPassword=REGISTRY_PASSWORD\"", text);
    }

    [Fact]
    public void Nuget_config_names_the_feed_as_xml()
    {
        Assert.Contains("""<add key="slipway" value="/feeds/a&amp;b" />""", ScaffoldFiles.NuGetConfig("/feeds/a&b"));
    }
}
