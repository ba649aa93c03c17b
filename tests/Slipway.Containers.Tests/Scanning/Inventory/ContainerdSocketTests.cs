using Slipway.Containers.Images;

namespace Slipway.Containers.Tests.Scanning.Inventory;

public sealed class ContainerdSocketTests
{
    [Fact]
    public void Configured_address_wins_with_or_without_the_unix_scheme()
    {
        Assert.Equal("/tmp/c.sock", ContainerdSocket.Find("/tmp/c.sock", _ => false)!.Path);
        Assert.Equal("/tmp/c.sock", ContainerdSocket.Find("unix:///tmp/c.sock", _ => true)!.Path);
    }

    [Fact]
    public void Otherwise_the_first_known_socket_that_exists_and_none_without_one()
    {
        Assert.Equal("/run/containerd/containerd.sock", ContainerdSocket.Find(null, p => p == "/run/containerd/containerd.sock")!.Path);
        Assert.Equal("/var/run/docker/containerd/containerd.sock", ContainerdSocket.Find("", _ => true)!.Path);
        Assert.Null(ContainerdSocket.Find(null, _ => false));
    }
}
