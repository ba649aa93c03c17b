using System.Diagnostics;
using Slipway.Build;
using Slipway.GlobalTool.Init;
using Spectre.Console.Testing;

namespace Slipway.GlobalTool.Tests;

/// <summary>init against real git and docker compose: each refusal is an error on stderr, exit code 1, and no file written.</summary>
public sealed class InitRunnerTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    private AbsolutePath Root => _folder.Path;

    private async Task<int> InitAsync(InitOptions? options = null, TestConsole? console = null) =>
        await new InitRunner(console ?? new TestConsole(), _output, _error, interactive: console is not null, "1.2.3")
            .RunAsync(options ?? new InitOptions(), Root, CancellationToken.None);

    private void Write(string path, string content)
    {
        Directory.CreateDirectory((Root / path).Parent!);
        File.WriteAllText(Root / path, content);
    }

    /// <summary>Every file under the folder but git's own, with its content.</summary>
    private Dictionary<string, string> Snapshot() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}.git{Path.DirectorySeparatorChar}"))
            .ToDictionary(f => Path.GetRelativePath(Root, f), File.ReadAllText);

    private void GitInit()
    {
        using var git = Process.Start(new ProcessStartInfo("git", ["init", "-q", Root]) { RedirectStandardError = true })!;
        git.WaitForExit();
        Assert.Equal(0, git.ExitCode);
    }

    private const string Stack = "services:\n  web:\n    image: nginx\n    ports: [\"8080:80\"]\n";

    [Fact]
    public async Task Outside_a_git_repository_nothing_is_written()
    {
        Write("compose.yaml", Stack);
        var before = Snapshot();

        Assert.Equal(1, await InitAsync());
        Assert.Contains("is not in a git repository", _error.ToString());
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task Without_a_compose_file_nothing_is_written()
    {
        GitInit();
        Write("README.md", "an app\n");
        var before = Snapshot();

        Assert.Equal(1, await InitAsync());
        Assert.Contains($"slipway init: No compose file in {Root}: looked for compose.yaml", _error.ToString());
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task A_stack_compose_rejects_is_refused_with_composes_message_and_nothing_written()
    {
        GitInit();
        Write("compose.yaml", "services:\n  app:\n    image: x\n    depends_on: [missing]\n");
        var before = Snapshot();

        Assert.Equal(1, await InitAsync());
        Assert.Contains("compose rejected the stack", _error.ToString());
        Assert.Contains("missing", _error.ToString());
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task A_given_compose_file_that_does_not_exist_is_refused()
    {
        GitInit();

        Assert.Equal(1, await InitAsync(new InitOptions { ComposeFiles = ["deploy/compose.yaml"] }));
        Assert.Contains($"--compose-file: {Root}/deploy/compose.yaml does not exist.", _error.ToString());
        Assert.Empty(Snapshot());
    }

    [Fact]
    public async Task A_file_already_present_stops_init_before_anything_is_written()
    {
        GitInit();
        Write("compose.yaml", Stack);
        Write("build.sh", "#!/bin/sh\nmake \"$@\"\n");
        var before = Snapshot();

        Assert.Equal(1, await InitAsync(new InitOptions { Branch = "main" }));
        Assert.Contains("build.sh already exist(s) with other content. Nothing was written; give --force", _error.ToString());
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task On_a_terminal_init_asks_before_overwriting_and_a_no_writes_nothing()
    {
        GitInit();
        Write("compose.yaml", Stack);
        Write("build.sh", "#!/bin/sh\nmake \"$@\"\n");
        var before = Snapshot();
        var console = new TestConsole().Interactive();
        // Compose files, profiles, feed, branch, platforms, registry: the defaults; then no to overwriting.
        foreach (var answer in new[] { "", "", "", "", "", "", "n" }) console.Input.PushTextWithEnter(answer);

        Assert.Equal(1, await InitAsync(console: console));
        Assert.Contains("Overwrite build.sh?", console.Output);
        Assert.Contains("build.sh already exist(s) with other content", _error.ToString());
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task A_feed_without_the_tools_packages_is_refused()
    {
        GitInit();
        Write("compose.yaml", Stack);
        Directory.CreateDirectory(Root / "feed");
        var before = Snapshot();

        Assert.Equal(1, await InitAsync(new InitOptions { Source = "feed" }));
        Assert.Contains($"--source {Root}/feed has no Slipway.Build.1.2.3.nupkg or Slipway.Containers.1.2.3.nupkg", _error.ToString());
        Assert.Equal(before, Snapshot());
    }

    public void Dispose() => _folder.Dispose();
}
