using Slipway.Containers.Smoke.Suite;

namespace Slipway.Containers.Smoke.Running;

/// <summary>Fills a step's <c>${name}</c> placeholders with the run's variables and earlier captures.</summary>
public static class StepRenderer
{
    public static SmokeStep Render(SmokeStep step, IReadOnlyDictionary<string, string> variables)
    {
        string R(string text) => Template.Render(text, variables);
        IReadOnlyDictionary<string, string> Map(IReadOnlyDictionary<string, string> map) => map.ToDictionary(p => p.Key, p => R(p.Value));

        SmokeAction action = step.Action switch
        {
            HttpAction http => http with { Url = R(http.Url), Headers = Map(http.Headers), Body = http.Body is null ? null : R(http.Body) },
            ExecAction exec => exec with { Command = exec.Command.Select(R).ToList() },
            var other => other,
        };
        var expect = step.Expect with
        {
            Headers = Map(step.Expect.Headers),
            Contains = step.Expect.Contains.Select(R).ToList(),
            Json = Map(step.Expect.Json),
        };
        return step with { Action = action, Expect = expect };
    }
}
