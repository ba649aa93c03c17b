using Slipway.Build;

namespace Slipway.GlobalTool.Tests;

/// <summary>A folder of its own under the system's temporary folder, deleted with everything in it.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public AbsolutePath Path { get; } = AbsolutePath.Create(Directory.CreateTempSubdirectory("slipway-tool-").FullName);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
