using Slipway.Containers.Machine.Languages;

namespace Slipway.Containers.Tests.Machine;

public sealed class StackProjectsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("slipway-projects-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Touch(string relative, string content = "")
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Finds_projects_under_contexts_and_the_compose_directory_but_not_in_outputs_or_dependencies()
    {
        var api = Touch("api/Api.csproj");
        var shared = Touch("shared/Shared.csproj");
        Touch("web/package.json", "{}");
        Touch("web/node_modules/vite/package.json", "{}");
        Touch("api/bin/Release/copy/Api.csproj");
        Touch("api/obj/x.csproj");
        Touch(".git/hooks/package.json");
        Touch("worker/publish/amd64/Worker.csproj");

        var projects = StackProjects.Find([Path.Combine(_root, "api"), _root, Path.Combine(_root, "missing")]);

        Assert.Equal([api, shared], projects.DotnetProjects);
        Assert.Equal([Path.Combine(_root, "web")], projects.NpmPackages);
    }

    [Fact]
    public void The_restore_hash_changes_with_a_project_or_a_settings_file_above_it_and_not_otherwise()
    {
        var project = Touch("src/app/App.csproj", "<Project />");
        Touch("src/Program.cs", "class P {}");
        var before = DotnetRestoreInputs.Hash([project]);
        Assert.Equal(before, DotnetRestoreInputs.Hash([project]));

        Touch("src/Program.cs", "class Q {}");
        Assert.Equal(before, DotnetRestoreInputs.Hash([project]));

        Touch("src/Directory.Packages.props", "<Project />");
        var withProps = DotnetRestoreInputs.Hash([project]);
        Assert.NotEqual(before, withProps);

        Touch("src/app/App.csproj", "<Project Sdk=\"x\" />");
        Assert.NotEqual(withProps, DotnetRestoreInputs.Hash([project]));
        Assert.Equal(Path.Combine(_root, "src/app/obj/project.assets.json"), DotnetRestoreInputs.AssetsFile(project));
    }
}
