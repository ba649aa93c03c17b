using Slipway.Build;
using Slipway.GlobalTool.Handover;
using Spectre.Console.Testing;

namespace Slipway.GlobalTool.Tests;

/// <summary>The tool's own commands, and what it hands to a set-up repository's build.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData(true, "init")]
    [InlineData(true, "init", "--force")]
    [InlineData(true, "--help")]
    [InlineData(true, "-h")]
    [InlineData(true, "--version")]
    [InlineData(false)]
    [InlineData(false, "SmokeTest")]
    [InlineData(false, "--plan")]
    [InlineData(false, "Publish", "--help")]
    [InlineData(false, "--version", "--help")]
    public void Init_help_and_version_are_the_tools_and_the_rest_goes_to_the_build(bool own, params string[] args)
    {
        Assert.Equal(own, ToolCommandLine.IsOwn(args));
    }

    [Fact]
    public async Task Help_lists_init_and_the_hand_over_to_the_build()
    {
        var (exitCode, output, _) = await RunAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("slipway init", output);
        Assert.Contains("slipway [targets…]", output);
    }

    [Fact]
    public async Task Version_is_the_tools_own()
    {
        var (exitCode, output, _) = await RunAsync("--version");

        Assert.Equal(0, exitCode);
        Assert.StartsWith(ToolVersion.Current, output.Trim());
    }

    [Fact]
    public async Task An_unknown_init_option_is_an_error_that_names_it()
    {
        var (exitCode, _, error) = await RunAsync("init", "--compose-fil", "x.yaml");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--compose-fil", error);
    }

    [Fact]
    public void The_build_is_found_at_the_nearest_folder_with_nuke_and_its_bootstrap()
    {
        using var folder = new TemporaryDirectory();
        Directory.CreateDirectory(folder.Path / "app" / ".nuke");
        Directory.CreateDirectory(folder.Path / "app" / "src" / ".nuke"); // no build.sh beside it: not a set-up root
        File.WriteAllText(folder.Path / "app" / "build.sh", "");

        Assert.Equal(folder.Path / "app", BuildScript.Find(folder.Path / "app" / "src")?.Root);
        Assert.Null(BuildScript.Find(folder.Path));
    }

    [Fact]
    public void The_build_gets_the_arguments_as_they_are()
    {
        var start = new BuildScript(AbsolutePath.Create("/repo")).StartInfo(["SmokeTest", "--compose-file", "a b.yaml"]);

        Assert.Equal("bash", start.FileName);
        Assert.Equal(["/repo/build.sh", "SmokeTest", "--compose-file", "a b.yaml"], start.ArgumentList);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        using var folder = new TemporaryDirectory();
        var exitCode = await new ToolCommandLine(new TestConsole(), output, error, interactive: false, folder.Path).RunAsync(args, CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }
}
