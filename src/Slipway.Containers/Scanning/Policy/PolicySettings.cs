using Slipway.Containers.Scanning.Findings;

namespace Slipway.Containers.Scanning.Policy;

/// <summary>The gate: fail on findings at or above Threshold that no ignore entry covers (and, with IgnoreUnfixed, that have a fix).</summary>
public sealed record PolicySettings(Severity Threshold, bool IgnoreUnfixed, IgnoreFile Ignores);
