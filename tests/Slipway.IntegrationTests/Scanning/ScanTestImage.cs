using Slipway.Build.Processes;
using Slipway.Containers.Images;
using Slipway.Tests.Shared;

namespace Slipway.IntegrationTests.Scanning;

/// <summary>An image the scanning tests build for one platform and read back as BuildImages records it, under a name of its own.</summary>
internal static class ScanTestImage
{
    public static async Task<BuiltImage> BuildAsync(ProcessRunner processes, string service, string context, string platform)
    {
        var repository = $"slipway-scan-test/{Guid.NewGuid():N}"[..34] + "-" + service;
        var reference = repository + ":dev";
        await processes.RunAsync("docker", ["buildx", "build", "--platform", platform, "--load", "-t", reference, context], new ProcessOptions { Quiet = true });
        var digest = (await processes.RunAsync("docker", ["image", "inspect", "--format", "{{.Id}}", reference], new ProcessOptions { Quiet = true })).StandardOutput.Trim();
        using var reader = new ImageIndexReader(ContainerdSocket.Require(ProcessEnvironment.Current));
        var manifests = await reader.ManifestsAsync(digest, CancellationToken.None);
        return new BuiltImage { Service = service, Reference = reference, Repository = repository, Tag = "dev", Digest = digest, Manifests = manifests };
    }

    /// <summary>images.json of that one image.</summary>
    public static ImagesReport Report(string platform, BuiltImage image) => new()
    {
        Version = "sha-0000000",
        Revision = new string('0', 40),
        Created = DateTimeOffset.UnixEpoch,
        Platforms = [platform],
        Images = [image],
    };
}
