using System.Text.Json.Nodes;
using Slipway.Containers.Smoke.Suite;
using Slipway.Containers.Stacks;

namespace Slipway.GlobalTool.Smoke;

/// <summary>
/// The starter smoke checks of a stack, derived from compose's resolved model (<see cref="StackLoader"/>): a tcp check of
/// every published TCP port, else an exec of the service's own healthcheck. Both pass on a stack that
/// <c>compose up --wait</c> found healthy, and neither guesses at protocols or paths.
/// </summary>
public sealed record StarterSmoke(IReadOnlyList<StarterCheck> Checks, IReadOnlyList<UncheckedService> Unchecked)
{
    public static StarterSmoke Derive(StackDefinition stack)
    {
        var checks = new List<StarterCheck>();
        var uncheckedServices = new List<UncheckedService>();
        foreach (var service in stack.Services.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var tcpPorts = service.Ports.Where(p => p.Protocol == "tcp").Select(p => p.Target).Distinct().Order().ToList();
            if (tcpPorts.Count > 0)
            {
                checks.AddRange(tcpPorts.Select(port => new StarterCheck.Tcp($"{service.Name} accepts connections on {port}", service.Name, port, TcpComment(service.Name, port))));
                continue;
            }

            var healthcheck = (stack.Document["services"]?[service.Name]?["healthcheck"]) as JsonObject;
            switch (HealthcheckCommand(healthcheck))
            {
                case (var arguments, var shellLine, null):
                    checks.Add(new StarterCheck.Exec($"{service.Name} passes its healthcheck", service.Name, arguments, shellLine,
                        [$"{service.Name} publishes no port: this runs its compose healthcheck in the container. Add checks of what it does."]));
                    break;
                case (_, _, var reason):
                    uncheckedServices.Add(new UncheckedService(service.Name, service.Ports.Count > 0 ? $"publishes only UDP ports and {reason}" : $"publishes no port and {reason}"));
                    break;
            }
        }

        return new StarterSmoke(checks, uncheckedServices);
    }

    /// <summary>The healthcheck's test as compose resolved it (always a list: CMD …, CMD-SHELL line, NONE), or why there is none to run.</summary>
    private static (IReadOnlyList<string>? Arguments, string? ShellLine, string? Reason) HealthcheckCommand(JsonObject? healthcheck)
    {
        if (healthcheck is null) return (null, null, "has no healthcheck");
        if (healthcheck["disable"]?.GetValue<string>() == "true") return (null, null, "its healthcheck is disabled");
        // compose config keeps $$ (a literal $) escaped, so that its output is a compose file too.
        var test = healthcheck["test"] switch
        {
            JsonArray array => array.Select(t => (t?.GetValue<string>() ?? "").Replace("$$", "$")).ToList(),
            JsonValue value => ["CMD-SHELL", value.GetValue<string>().Replace("$$", "$")],
            _ => null,
        };
        (IReadOnlyList<string>? Arguments, string? ShellLine, string? Reason) command = test switch
        {
            null or [] => (null, null, "its healthcheck's command comes from the image, which compose does not show"),
            ["NONE", ..] => (null, null, "its healthcheck is disabled"),
            ["CMD", _, ..] => (test[1..], null, null),
            ["CMD-SHELL", var line] when line.Trim().Length > 0 => (null, line, null),
            _ => (null, null, $"its healthcheck's test [{string.Join(", ", test)}] is not CMD or CMD-SHELL"),
        };
        // A smoke file reads ${name} as its own variable and has no escape for it.
        var text = command.ShellLine is { } shell ? [shell] : command.Arguments ?? [];
        return command.Reason is null && text.Any(t => Template.Names(t).Any())
            ? (null, null, "its healthcheck uses ${…}, which a smoke file reads as its own variable")
            : command;
    }

    private static IReadOnlyList<string> TcpComment(string service, int port) =>
    [
        $"{service} publishes port {port}: this shows that something listens on it. If it speaks HTTP, an http check says more, e.g.",
        $"  - name: {service} answers on {port}",
        $"    http: {{url: http://{service}:{port}/}}",
        "    expect: {status: 200, body_contains: <text of the page>}",
    ];
}
