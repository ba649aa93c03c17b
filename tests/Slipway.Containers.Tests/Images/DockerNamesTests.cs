using Slipway.Containers.Images;

namespace Slipway.Containers.Tests.Images;

public class DockerNamesTests
{
    [Theory]
    [InlineData("api", "api")]
    [InlineData("My Service_1", "my-service_1")]
    [InlineData("-web-", "web")]
    [InlineData("._x._", "x")]
    [InlineData("shop-3f2a91c0", "shop-3f2a91c0")]
    public void Repository_components_are_lowercase_with_other_characters_as_dashes(string name, string component) =>
        Assert.Equal(component, DockerNames.Component(name));

    [Theory]
    [InlineData("feature/Login", "feature-login")]
    [InlineData("1.2.3-RC.1+build.5", "1.2.3-rc.1-build.5")]
    [InlineData("-.x", "x")]
    [InlineData("_keep", "_keep")]
    [InlineData("...", "")]
    public void Tags_start_with_a_letter_digit_or_underscore(string name, string tag) => Assert.Equal(tag, DockerNames.Tag(name));

    [Fact]
    public void Tags_are_cut_at_128_characters() => Assert.Equal(128, DockerNames.Tag(new string('a', 300)).Length);
}
