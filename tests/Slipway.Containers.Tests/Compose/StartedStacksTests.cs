using Slipway.Build;
using Slipway.Containers.Compose;

namespace Slipway.Containers.Tests.Compose;

public sealed class StartedStacksTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("slipway-started-");

    [Fact]
    public void A_project_is_recorded_by_its_override_file_until_it_is_forgotten()
    {
        var started = new StartedStacks(AbsolutePath.Create(_temp.FullName) / "compose");
        Assert.Empty(started.Projects());

        foreach (var project in new[] { "shop-b2", "shop-a1" })
        {
            Directory.CreateDirectory(started.OverrideFile(project).Parent!);
            File.WriteAllText(started.OverrideFile(project), "services: {}\n");
        }
        File.WriteAllText(Path.Combine(_temp.FullName, "compose", "notes.txt"), "");
        Assert.Equal(["shop-a1", "shop-b2"], started.Projects());

        started.Forget("shop-a1");
        Assert.Equal(["shop-b2"], started.Projects());
    }

    public void Dispose() => _temp.Delete(recursive: true);
}
