namespace Slipway.Containers.Smoke.Suite;

/// <summary>The services a suite's tcp and exec steps name must be in the stack; http hosts that are not services are used as given.</summary>
public static class SuiteServices
{
    public static void Check(SmokeSuite suite, IReadOnlyCollection<string> services)
    {
        foreach (var check in suite.Checks)
        foreach (var (step, index) in check.Steps.Select((s, i) => (s, i)))
        {
            var (kind, service) = step.Action switch
            {
                TcpAction tcp => ("tcp", tcp.Service),
                ExecAction exec => ("exec", exec.Service),
                _ => ("", null),
            };
            if (service is not null && !services.Contains(service))
                throw SmokeFileException.At(suite.File, check.Name, $"{(check.Steps.Count > 1 ? $"steps[{index}]." : "")}{kind}.service",
                    $"'{service}' is not a service of the stack (its services: {string.Join(", ", services)}).");
        }
    }
}
