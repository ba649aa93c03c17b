using Slipway.Build;
using Slipway.GlobalTool.Init;

namespace Slipway.GlobalTool.Tests;

/// <summary>Compose files are found as compose finds them without -f.</summary>
public sealed class ComposeDiscoveryTests
{
    private static readonly AbsolutePath Root = AbsolutePath.Create("/repo");

    private static IReadOnlyList<string> Find(string workingDirectory, params string[] files) =>
        ComposeDiscovery.Find(AbsolutePath.Create(workingDirectory), Root, f => files.Contains(f.Value)).Select(f => f.Value).ToList();

    [Fact]
    public void Compose_yaml_wins_over_the_other_names_and_takes_its_first_override()
    {
        Assert.Equal(["/repo/compose.yaml", "/repo/compose.override.yml"],
            Find("/repo", "/repo/docker-compose.yml", "/repo/compose.yaml", "/repo/compose.override.yaml", "/repo/compose.override.yml"));
    }

    [Fact]
    public void Docker_compose_yml_is_found_alone_and_with_its_override()
    {
        Assert.Equal(["/repo/docker-compose.yml"], Find("/repo", "/repo/docker-compose.yml"));
        Assert.Equal(["/repo/docker-compose.yml", "/repo/docker-compose.override.yml"], Find("/repo", "/repo/docker-compose.yml", "/repo/docker-compose.override.yml"));
    }

    [Fact]
    public void The_nearest_folder_with_a_compose_file_counts_up_to_the_root_but_not_above()
    {
        Assert.Equal(["/repo/deploy/compose.yaml"], Find("/repo/deploy/local", "/repo/deploy/compose.yaml", "/repo/compose.yaml"));
        Assert.Equal(["/repo/compose.yaml"], Find("/repo/src", "/repo/compose.yaml"));
        Assert.Empty(Find("/repo/src", "/compose.yaml"));
    }

    [Fact]
    public void An_override_alone_is_no_stack()
    {
        Assert.Empty(Find("/repo", "/repo/compose.override.yml"));
    }
}
