using Slipway.Containers.Machine.Languages;

namespace Slipway.Containers.Tests.Machine;

public sealed class LanguageRestorerTests
{
    [Fact]
    public void Npm_ci_refusing_a_lock_out_of_sync_is_recognised()
    {
        const string output = """
            npm error code EUSAGE
            npm error
            npm error `npm ci` can only install packages when your package.json and package-lock.json or npm-shrinkwrap.json are in sync. Please update your lock file with `npm install` before continuing.
            npm error
            npm error Missing: @rollup/rollup-android-arm-eabi@ from lock file
            """;

        Assert.True(LanguageRestorer.IsLockOutOfSync(output));
    }

    [Theory]
    [InlineData("npm error code E404\nnpm error 404 Not Found - GET https://registry.example/left-pad")]
    [InlineData("npm error code EUSAGE\nnpm error Unknown command: \"cii\"")]
    public void Other_npm_failures_are_not_mistaken_for_it(string output) => Assert.False(LanguageRestorer.IsLockOutOfSync(output));
}
