using Slipway.Containers.Smoke.Suite;
using Slipway.Containers.Stacks;

namespace Slipway.Containers.Smoke;

/// <summary>The smoke file, checked before any target runs: its syntax and fields, and, where compose is installed, its services.</summary>
public static class SmokeInputs
{
    public static async Task ValidateAsync(ISmokeTest build, CancellationToken ct)
    {
        var suite = SmokeFileParser.Load(build.EffectiveSmokeFile);
        if (await StackInputs.LoadIfComposeAsync(build, ct) is { } stack)
            SuiteServices.Check(suite, stack.Services.Select(s => s.Name).ToList());
    }
}
