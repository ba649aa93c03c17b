using System.Text;
using Slipway.Build.Workflows;
using YamlDotNet.RepresentationModel;

namespace Slipway.GlobalTool.Smoke;

/// <summary>The starter smoke file's text: each check with its comment, then the services left unchecked (format: Smoke/README.md).</summary>
public static class StarterSmokeYaml
{
    public static string Write(StarterSmoke smoke, IReadOnlyList<string> composeFiles)
    {
        var text = new StringBuilder()
            .AppendLine($"# Smoke checks that slipway init derived from {string.Join(" + ", composeFiles)}. They show that each service is up")
            .AppendLine("# and reachable, no more: extend them with what your application must do. http checks send requests and expect a")
            .AppendLine("# status, headers, body text or JSON values; a check's steps can capture values for the next. The format is in")
            .AppendLine("# Slipway's src/Slipway.Containers/Smoke/README.md. ./build.sh starts the stack, runs these and tears it down.")
            .AppendLine("timeout: 60s");
        if (smoke.Checks.Count == 0)
            text.AppendLine("# No check could be derived: no service publishes a TCP port or has a healthcheck. SmokeTest fails until one is here.")
                .AppendLine("checks: []");
        else
            text.AppendLine("checks:");

        foreach (var check in smoke.Checks)
        {
            text.AppendLine();
            foreach (var line in check.Comment) text.AppendLine($"  # {line}".TrimEnd());
            var item = YamlText.Write(new YamlSequenceNode(Node(check)));
            foreach (var line in item.TrimEnd('\n').Split('\n')) text.AppendLine("  " + line);
        }

        if (smoke.Unchecked.Count > 0)
        {
            text.AppendLine().AppendLine("# Not checked:");
            foreach (var service in smoke.Unchecked) text.AppendLine($"# - {service.Service}: {service.Reason}.");
            text.AppendLine("# Add a check that shows what each of them does, e.g. an exec of a command in its container:")
                .AppendLine($"#   - name: {smoke.Unchecked[0].Service} works")
                .AppendLine($"#     exec: {{service: {smoke.Unchecked[0].Service}, command: [<program>, <argument>]}}");
        }

        return text.ToString();
    }

    private static YamlMappingNode Node(StarterCheck check) => check switch
    {
        StarterCheck.Tcp tcp => new YamlMappingNode
        {
            { "name", YamlText.String(tcp.Name) },
            { "tcp", new YamlMappingNode { { "service", YamlText.String(tcp.Service) }, { "port", YamlText.Value(tcp.Port) } } },
        },
        StarterCheck.Exec exec => new YamlMappingNode
        {
            { "name", YamlText.String(exec.Name) },
            {
                "exec", new YamlMappingNode
                {
                    { "service", YamlText.String(exec.Service) },
                    { "command", exec.Arguments is { } arguments ? YamlText.Strings(arguments) : YamlText.String(exec.ShellLine!) },
                }
            },
        },
        _ => throw new ArgumentOutOfRangeException(nameof(check)),
    };
}
