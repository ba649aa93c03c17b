using Slipway.Build.Processes;

namespace Slipway.Build.Tests.Unit;

public sealed class ExecutablesTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("slipway-path-");

    [Fact]
    public void Programs_are_found_on_the_PATH_the_build_was_given_not_the_processs()
    {
        var tool = Path.Combine(_temp.FullName, "slipway-test-tool");
        File.WriteAllText(tool, "");
        Assert.Equal(tool, new Executables(new Dictionary<string, string> { ["PATH"] = "/nonexistent:" + _temp.FullName }).Find("slipway-test-tool"));
        Assert.Null(new Executables(new Dictionary<string, string> { ["PATH"] = "/nonexistent" }).Find("slipway-test-tool"));
    }

    [Fact]
    public void Without_a_PATH_the_system_directories_are_still_searched()
    {
        var shell = new Executables(new Dictionary<string, string>()).Find("sh");
        Assert.NotNull(shell);
        Assert.Matches("^(/usr)?(/local)?/s?bin/sh$", shell);
    }

    public void Dispose() => _temp.Delete(recursive: true);
}
