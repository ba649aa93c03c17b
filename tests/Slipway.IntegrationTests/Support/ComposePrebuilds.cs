using YamlDotNet.RepresentationModel;

namespace Slipway.IntegrationTests.Support;

/// <summary>A service's host-side preparation: the x-slipway-prebuild command and the build context it runs in.</summary>
internal sealed record ComposePrebuild(string Service, string Command, string Context);

internal static class ComposePrebuilds
{
    /// <summary>
    /// Reads the prebuild commands from compose's resolved YAML. Compose 2.26's JSON output drops
    /// service-level x- fields; its YAML output keeps them.
    /// </summary>
    public static IReadOnlyList<ComposePrebuild> Parse(string resolvedComposeYaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(resolvedComposeYaml));
        var services = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["services"];

        var prebuilds = new List<ComposePrebuild>();
        foreach (var (name, node) in services.Children)
        {
            var service = (YamlMappingNode)node;
            if (service.Children.TryGetValue("x-slipway-prebuild", out var command)
                && service.Children.TryGetValue("build", out var build))
            {
                var context = ((YamlMappingNode)build)["context"];
                prebuilds.Add(new ComposePrebuild(name.ToString(), command.ToString(), context.ToString()));
            }
        }
        return prebuilds;
    }
}
