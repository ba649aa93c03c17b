using Slipway.Build.Processes;
using Slipway.Build.Tests.Infrastructure;

namespace Slipway.Build.Tests.Runs;

public interface ISecretComponent : ISlipwayBuild
{
    [Parameter("Registry password"), Secret] string? RegistryPassword => TryGetValue(() => RegistryPassword);
}

/// <summary>A [Secret] value shows as *** everywhere Slipway writes: console, summary, exceptions, JSON log, process output.</summary>
public sealed class SecretMaskingTests : IDisposable
{
    private const string Token = "tok-9f8e7d6c5b";
    private const string Password = "pa55-w0rd-Zq";

    private readonly TestRoot _root = new();

    public void Dispose() => _root.Dispose();

    private sealed class SecretBuild : SlipwayBuild, ISecretComponent
    {
        [Parameter("API token"), Secret] public readonly string? ApiToken;
        public string? ProcessOutput { get; private set; }

        public Target Logs => _ => _.Executes(() =>
        {
            Log.Information("structured {Value}", ApiToken);
            Log.Information($"interpolated {ApiToken} and {this.From<ISecretComponent>().RegistryPassword}");
            Log.Warning("in a list {Values}", new[] { "a", ApiToken });
            ReportSummary($"logged in with {ApiToken}");
        });

        public Target Shell => _ => _.DependsOn(Logs).Executes(async ct =>
        {
            var result = await Processes.RunAsync("sh", ["-c", "echo \"the token is $X\"; echo \"on stderr $X\" >&2", ApiToken!],
                new ProcessOptions { Environment = new Dictionary<string, string?> { ["X"] = ApiToken } }, ct);
            ProcessOutput = result.StandardOutput;
        });

        public Target FailingProcess => _ => _.DependsOn(Shell).Executes(async ct =>
            await Processes.RunAsync("sh", ["-c", "echo \"failing with $0\"; exit 3", ApiToken!], cancellationToken: ct));

        public Target Throws => _ => _.Executes(() => throw new InvalidOperationException($"could not use {ApiToken} against the registry"));
    }

    private static void AssertMasked(string text)
    {
        Assert.DoesNotContain(Token, text);
        Assert.DoesNotContain(Password, text);
        Assert.Contains("***", text);
    }

    [Fact]
    public async Task Console_lines_the_summary_and_the_json_log_show_the_secret_as_stars()
    {
        var outcome = await _root.RunAsync(new SecretBuild(), x => x.Logs, "--api-token", Token, "--registry-password", Password);
        Assert.Equal(0, outcome.ExitCode);
        AssertMasked(outcome.Output);
        Assert.Contains("structured ***", outcome.Output);
        Assert.Contains("interpolated *** and ***", outcome.Output);
        Assert.Contains("in a list [\"a\",\"***\"]", outcome.Output);
        Assert.Matches(@"(?m)^Logs\s+Succeeded\s+\S+\s+logged in with \*\*\*$", outcome.Output);

        var log = _root.ReadLogFiles();
        AssertMasked(log);
        Assert.Contains("interpolated *** and ***", log);
    }

    [Fact]
    public async Task A_secret_from_the_environment_or_a_parameters_file_is_masked_too()
    {
        _root.Environment["API_TOKEN"] = Token;
        _root.WriteNukeFile("parameters.json", $$"""{ "RegistryPassword": "{{Password}}" }""");
        var outcome = await _root.RunAsync(new SecretBuild(), x => x.Logs);
        Assert.Equal(0, outcome.ExitCode);
        AssertMasked(outcome.Output);
        AssertMasked(_root.ReadLogFiles());
    }

    [Fact]
    public async Task The_output_of_a_process_a_target_runs_is_masked_while_the_target_still_gets_the_real_value()
    {
        var build = new SecretBuild();
        var outcome = await _root.RunAsync(build, x => x.Shell, "--api-token", Token);
        Assert.Equal(0, outcome.ExitCode);
        AssertMasked(outcome.Output);
        Assert.Contains("the token is ***", outcome.Output);
        Assert.Contains("on stderr ***", outcome.Output);
        Assert.Contains("> sh -c", outcome.Output); // the command line is logged, masked
        AssertMasked(_root.ReadLogFiles());
        Assert.Equal($"the token is {Token}\n", build.ProcessOutput);
    }

    [Fact]
    public async Task A_failing_process_is_reported_masked()
    {
        var outcome = await _root.RunAsync(new SecretBuild(), x => x.FailingProcess, "--api-token", Token);
        Assert.Equal(1, outcome.ExitCode);
        AssertMasked(outcome.Output);
        Assert.Contains("exited with code 3", outcome.Output);
        Assert.Contains("failing with ***", outcome.Output);
        AssertMasked(_root.ReadLogFiles());
    }

    [Fact]
    public async Task A_printed_exception_and_its_summary_note_are_masked()
    {
        var outcome = await _root.RunAsync(new SecretBuild(), x => x.Throws, "--api-token", Token);
        Assert.Equal(1, outcome.ExitCode);
        AssertMasked(outcome.Output);
        Assert.Contains("InvalidOperationException", outcome.Output);
        Assert.Contains("could not use *** against the registry", outcome.Output);
        Assert.Matches(@"(?m)^Throws\s+Failed\s+\S+\s+could not use \*\*\* against the registry$", outcome.Output);
        var log = _root.ReadLogFiles();
        AssertMasked(log);
        Assert.Contains("could not use *** against the registry", log);
    }

    [Fact]
    public async Task Help_shows_a_set_secret_as_stars()
    {
        var outcome = await _root.RunAsync(new SecretBuild(), x => x.Logs, "--help", "--api-token", Token);
        Assert.Equal(0, outcome.ExitCode);
        Assert.DoesNotContain(Token, outcome.Output);
        Assert.Contains("--api-token", outcome.Output);
        Assert.Contains("    = ***  (command line)", outcome.Output);
    }

    [Fact]
    public async Task The_github_step_summary_is_masked()
    {
        var summary = _root.Path / "step-summary.md";
        _root.Environment["GITHUB_ACTIONS"] = "true";
        _root.Environment["GITHUB_STEP_SUMMARY"] = summary;
        var outcome = await _root.RunAsync(new SecretBuild(), x => x.Throws, "--api-token", Token);
        Assert.Equal(1, outcome.ExitCode);
        AssertMasked(outcome.Output);
        var markdown = await File.ReadAllTextAsync(summary);
        Assert.Contains("| Throws | Failed |", markdown);
        AssertMasked(markdown);
    }
}
