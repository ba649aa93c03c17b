using Slipway.Build.Output;

namespace Slipway.Build.Tests.Unit;

public sealed class ProducedFilesTests
{
    [Fact]
    public void Files_at_the_top_are_named_and_folders_are_counted()
    {
        var described = ProducedFiles.Describe(["artifacts/images.json", "artifacts/scan/a.json", "artifacts/scan/b.sarif", "artifacts/smoke/junit.xml"]);

        Assert.Equal("artifacts/images.json, artifacts/scan/ (2 files), artifacts/smoke/ (1 file)", described);
    }

    [Fact]
    public void Nothing_produced_describes_as_empty() => Assert.Equal("", ProducedFiles.Describe([]));
}
