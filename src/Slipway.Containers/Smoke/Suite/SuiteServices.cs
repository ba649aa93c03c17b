namespace Slipway.Containers.Smoke.Suite;

/// <summary>The services a suite's tcp and exec steps name must be in the stack; http hosts that are not services are used as given.</summary>
public static class SuiteServices
{
    /// <summary>The services a check's steps reach: tcp and exec services and http hosts that are services; every service when a URL does not parse. Pure.</summary>
    public static IReadOnlySet<string> Named(SmokeCheck check, IReadOnlyCollection<string> services)
    {
        var named = new HashSet<string>();
        foreach (var step in check.Steps)
        {
            switch (step.Action)
            {
                case TcpAction tcp: named.Add(tcp.Service); break;
                case ExecAction exec: named.Add(exec.Service); break;
                case HttpAction http when Uri.TryCreate(http.Url, UriKind.Absolute, out var uri):
                    if (services.Contains(uri.Host)) named.Add(uri.Host);
                    break;
                case HttpAction: return services.ToHashSet();
            }
        }
        return named;
    }

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
