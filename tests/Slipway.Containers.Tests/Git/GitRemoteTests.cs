using Slipway.Containers.Git;

namespace Slipway.Containers.Tests.Git;

public class GitRemoteTests
{
    [Theory]
    [InlineData("git@github.com:acme/shop.git", "https://github.com/acme/shop")]
    [InlineData("https://github.com/acme/shop.git", "https://github.com/acme/shop")]
    [InlineData("https://x-access-token:ghs_secret@github.com/acme/shop", "https://github.com/acme/shop")]
    [InlineData("ssh://git@GHE.example.com:2222/team/app.git", "https://ghe.example.com/team/app")]
    [InlineData("http://gitea.local:3000/acme/shop/", "https://gitea.local/acme/shop")]
    public void Remotes_of_every_form_give_the_repository_page_without_credentials_or_ports(string remote, string page) =>
        Assert.Equal(page, GitRemote.Parse(remote)!.PublicUrl);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/work/main")]
    [InlineData("../sibling/repo")]
    [InlineData("file:///srv/git/shop.git")]
    public void A_local_path_is_no_remote_page(string? remote) => Assert.Null(GitRemote.Parse(remote));
}
