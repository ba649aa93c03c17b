using Slipway.Build;

namespace Slipway.Containers.Compose;

/// <summary>ComposeUp's own inputs, checked before any target runs.</summary>
public static class ComposeInputs
{
    public const int MaximumWaitTimeout = 3600;

    public static void Validate(IComposeUp build)
    {
        if (build.WaitTimeout is { } seconds and (< 1 or > MaximumWaitTimeout))
            throw new ParameterException($"Parameter 'WaitTimeout': {seconds} is out of range; expected seconds from 1 to {MaximumWaitTimeout}.");
    }
}
