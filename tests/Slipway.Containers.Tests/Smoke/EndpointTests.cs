using Slipway.Containers.Smoke.Steps;

namespace Slipway.Containers.Tests.Smoke;

public sealed class EndpointTests
{
    [Theory]
    [InlineData("127.0.0.1", "32768", "127.0.0.1", 32768)]
    [InlineData("0.0.0.0", "8080", "127.0.0.1", 8080)]
    [InlineData("::", "8080", "127.0.0.1", 8080)]
    [InlineData("", "8080", "127.0.0.1", 8080)]
    [InlineData("::1", "9000", "::1", 9000)]
    [InlineData("192.168.1.5", "80", "192.168.1.5", 80)]
    public void The_engines_port_bindings_become_addresses_this_machine_can_reach(string hostIp, string hostPort, string host, int port) =>
        Assert.Equal(new Endpoint(host, port), Endpoint.FromBinding(hostIp, hostPort));

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("no port")]
    [InlineData("99999")]
    public void Anything_else_is_no_address(string hostPort) => Assert.Null(Endpoint.FromBinding("127.0.0.1", hostPort));

    [Fact]
    public void IPv6_hosts_are_bracketed_when_shown() => Assert.Equal("[::1]:9000", new Endpoint("::1", 9000).ToString());
}
