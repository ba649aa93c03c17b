using Slipway.Containers.Publishing.Registry;

namespace Slipway.Containers.Publishing;

/// <summary>What Publish did in this run (kept in the build context), so that VerifyImages after it checks exactly that.</summary>
public sealed class PublishedRelease
{
    public bool Ran { get; private set; }

    /// <summary>Published into a throw-away registry, which is gone by now.</summary>
    public bool DryRun { get; private set; }

    /// <summary>On a dry run that signed: Publish verified the signatures itself, before the registry went away.</summary>
    public bool VerifiedByPublish { get; private set; }

    public string? Registry { get; private set; }

    public IReadOnlyList<PublishedImage> Images { get; private set; } = [];

    public void Record(string registry, IReadOnlyList<PublishedImage> images, bool dryRun, bool verifiedByPublish)
    {
        Ran = true;
        Registry = registry;
        Images = images;
        DryRun = dryRun;
        VerifiedByPublish = verifiedByPublish;
    }
}
