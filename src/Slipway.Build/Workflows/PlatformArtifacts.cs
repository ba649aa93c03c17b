namespace Slipway.Build;

/// <summary>
/// Where a job that gathers every platform's products (a merge job) finds them: each platform's artifact is downloaded
/// into <c>artifacts/platforms/{slug}/</c>, e.g. <c>artifacts/platforms/linux-arm64/pushed.json</c>.
/// </summary>
public static class PlatformArtifacts
{
    public const string Folder = "platforms";

    /// <summary>The folder name of a platform: <c>linux/arm64</c> → <c>linux-arm64</c>.</summary>
    public static string Slug(string platform) => platform.Replace('/', '-');

    /// <summary><c>{artifacts}/platforms/{slug}</c>.</summary>
    public static AbsolutePath Directory(AbsolutePath artifacts, string platform) => artifacts / Folder / Slug(platform);
}
