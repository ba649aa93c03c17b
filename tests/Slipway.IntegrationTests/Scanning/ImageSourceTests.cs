using System.Text.Json;
using Serilog.Core;
using Slipway.Containers.Images.ContentStore;
using Slipway.Containers.Images;
using Slipway.Containers.Scanning.Inventory.ContentStore;
using Slipway.Containers.Scanning.Inventory;
using Slipway.Tests.Shared;

namespace Slipway.IntegrationTests.Scanning;

/// <summary>The two ways of reading an image, containerd's content store and the Docker API's export, on the real api image.</summary>
public sealed class ImageSourceTests(ApiImage api) : IClassFixture<ApiImage>
{
    [Fact]
    public async Task Content_store_and_export_give_identical_inventories()
    {
        var socket = ContainerdSocket.Find(ProcessEnvironment.Current);
        Assert.True(socket is not null, $"This test needs the engine's containerd socket (CONTAINERD_ADDRESS or one of {string.Join(", ", ContainerdSocket.KnownPaths)}): is the engine using the containerd image store?");
        using var docker = new Docker.DotNet.DockerClientBuilder().Build();
        using var storeReader = new ImageReader(docker, new ContainerdContentStore(socket), Logger.None);
        using var exportReader = new ImageReader(docker, null, Logger.None);

        var stored = await storeReader.ReadAsync(api.Image, CancellationToken.None);
        var exported = await exportReader.ReadAsync(api.Image, CancellationToken.None);

        Assert.Equal(ImageSource.ContentStore, stored.Source);
        Assert.Equal(ImageSource.Export, exported.Source);
        var inventory = Assert.Single(stored.Inventories);
        Assert.Contains(inventory.Packages, p => p.Ecosystem == Ecosystems.Debian);
        Assert.Contains(inventory.Packages, p => p.Ecosystem == Ecosystems.NuGet);
        Assert.Equal(stored.LayerBytes, inventory.Size);
        Assert.Equal(exported.LayerBytes, stored.LayerBytes);
        // Everything an inventory says (platform, digests, size, os-release, every package with its location and licenses) alike.
        Assert.Equal(JsonSerializer.Serialize(exported.Inventories), JsonSerializer.Serialize(stored.Inventories));
    }

    [Fact]
    public async Task An_image_the_content_store_lacks_falls_back_to_the_export_and_its_error()
    {
        var socket = ContainerdSocket.Find(ProcessEnvironment.Current);
        Assert.True(socket is not null, "This test needs the engine's containerd socket.");
        using var docker = new Docker.DotNet.DockerClientBuilder().Build();
        using var reader = new ImageReader(docker, new ContainerdContentStore(socket), Logger.None);
        var missing = api.Image with { Digest = "sha256:" + new string('0', 64), Manifests = [] };

        // The export's own error: the engine does not have the image either.
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => reader.ReadAsync(missing, CancellationToken.None));
        Assert.Contains("is not in the engine", error.Message);
    }
}
