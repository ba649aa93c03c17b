namespace Slipway.Containers.Machine.Setup;

/// <summary>What this run needs of the machine beyond a working engine, and what the user allowed Restore to do.</summary>
public sealed record SetupRequest
{
    /// <summary>
    /// The run loads images for more than one platform, which only the containerd image store holds. A single-platform
    /// run works on either store and must not demand it.
    /// </summary>
    public bool NeedsContainerdImageStore { get; init; }

    /// <summary>The user allowed Restore to restart a running engine or switch its image store (--allow-engine-restart, or CI=true).</summary>
    public bool MayChangeEngine { get; init; }
}
