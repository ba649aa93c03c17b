using Slipway.Build;
using Slipway.Containers.Publishing.Registry;

namespace Slipway.Containers.Tests.Publishing;

public class RegistryAddressTests
{
    [Theory]
    [InlineData("ghcr.io/acme", "ghcr.io", "acme", false, "https://ghcr.io/", "ghcr.io/acme/api")]
    [InlineData("https://ghcr.io/acme/team/", "ghcr.io", "acme/team", false, "https://ghcr.io/", "ghcr.io/acme/team/api")]
    [InlineData("localhost:5000/acme", "localhost:5000", "acme", true, "http://localhost:5000/", "localhost:5000/acme/api")]
    [InlineData("127.0.0.1:5000/acme", "127.0.0.1:5000", "acme", true, "http://127.0.0.1:5000/", "127.0.0.1:5000/acme/api")]
    [InlineData("[::1]:5000/acme", "[::1]:5000", "acme", true, "http://[::1]:5000/", "[::1]:5000/acme/api")]
    [InlineData("docker.io/acme", "docker.io", "acme", false, "https://registry-1.docker.io/", "docker.io/acme/api")]
    [InlineData("ghcr.io/Acme-Corp", "ghcr.io", "acme-corp", false, "https://ghcr.io/", "ghcr.io/acme-corp/api")]
    [InlineData("registry.example.com:8443", "registry.example.com:8443", "", false, "https://registry.example.com:8443/", "registry.example.com:8443/api")]
    public void Addresses_give_the_api_and_image_names(string value, string host, string ns, bool loopback, string api, string image)
    {
        var address = RegistryAddress.Parse(value);

        Assert.Equal(host, address.Host);
        Assert.Equal(ns, address.Namespace);
        Assert.Equal(loopback, address.IsLoopback);
        Assert.Equal(api, address.ApiBase.ToString());
        Assert.Equal(image, address.ImageOf("api"));
    }

    [Fact]
    public void Service_names_become_valid_repository_names() =>
        Assert.Equal("acme/my-service_1", RegistryAddress.Parse("ghcr.io/acme").RepositoryOf("My Service_1"));

    [Theory]
    [InlineData("http://localhost:5055/acme", "localhost:5055", "acme")]
    [InlineData("http://127.0.0.1:5000/a/b", "127.0.0.1:5000", "a/b")]
    [InlineData("https://ghcr.io/Acme", "ghcr.io", "acme")]
    public void A_scheme_is_accepted_where_it_is_the_one_spoken(string value, string host, string ns)
    {
        var address = RegistryAddress.Parse(value);
        Assert.Equal((host, ns), (address.Host, address.Namespace));
    }

    [Theory]
    [InlineData("http://registry.example.com/acme", "uses plain http, which Slipway speaks only on the loopback")]
    [InlineData("ftp://localhost:5000/acme", "names the scheme ftp")]
    [InlineData("ghcr.io/acme$", "not a registry address")]
    [InlineData("ghcr.io/acme//x", "not a registry address")]
    [InlineData("ghcr io/acme", "not a registry address")]
    public void Bad_addresses_are_clear_errors(string value, string expected)
    {
        var e = Assert.Throws<ParameterException>(() => RegistryAddress.Parse(value));

        Assert.Contains(expected, e.Message);
        Assert.Contains("Parameter 'Registry'", e.Message);
    }
}
