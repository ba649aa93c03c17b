using Slipway.Build.Processes;
using Slipway.IntegrationTests.Support;

namespace Slipway.IntegrationTests.Chain;

/// <summary>The chain from ./build.sh, against the real engine, on the reference stack and on a second, different stack.</summary>
public sealed class ChainTests
{
    private static readonly string Ledger = Path.Combine("tests", "Stacks", "ledger", "compose.yaml");

    [Fact]
    public async Task Default_run_takes_the_reference_stack_through_the_chain_and_leaves_nothing_behind()
    {
        var run = await BuildScript.RunAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var target in new[] { "Restore", "BuildImages", "ScanImages", "ComposeUp", "SmokeTest", "ComposeDown" })
            Assert.Matches($@"\n{target}\s+Succeeded", run.Output);
        Assert.Contains("artifacts", run.Output);
        Assert.NotNull(run.ProjectName);
        Assert.Equal("", await BuildScript.ResourcesOfProjectAsync(run.ProjectName!));
    }

    [Fact]
    public async Task A_stack_that_does_not_come_up_fails_ComposeUp_naming_the_service_with_its_logs_and_nothing_left()
    {
        var run = await BuildScript.RunAsync("ComposeUp", "--skip", "ScanImages", "--wait-timeout", "120",
            "--compose-env", "API_DATABASE_PASSWORD=not-the-password");

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"\n\s+api: ", run.Output);
        Assert.Matches(@"ComposeUp\s+Failed\s+\S+\s+failed: .*api", run.Output);
        Assert.True(File.Exists(Path.Combine(BuildScript.Root, "artifacts", "compose", "api.log")), "api's log is in artifacts/compose");
        Assert.Matches(@"ComposeDown\s+Succeeded", run.Output);
        Assert.Equal("", await BuildScript.ResourcesOfProjectAsync(run.ProjectName!));
    }

    [Fact]
    public async Task Both_platforms_are_built_into_one_index_and_the_arm64_api_runs_on_aarch64()
    {
        var run = await BuildScript.RunAsync("BuildImages", "--platform", "linux/amd64,linux/arm64");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var report = BuildScript.ImagesReport();
        foreach (var image in report.RootElement.GetProperty("images").EnumerateArray())
        {
            var platforms = image.GetProperty("manifests").EnumerateArray().Select(m => m.GetProperty("platform").GetString()).Order().ToList();
            Assert.Equal(["linux/amd64", "linux/arm64"], platforms);
        }

        var api = report.RootElement.GetProperty("images").EnumerateArray().Single(i => i.GetProperty("service").GetString() == "api");
        var machine = await CommandLine.RunCheckedAsync("docker",
            ["run", "--rm", "--platform", "linux/arm64", "--entrypoint", "uname", api.GetProperty("reference").GetString()!, "-m"],
            BuildScript.Root, new Dictionary<string, string>(), TimeSpan.FromMinutes(2));
        Assert.Equal("aarch64", machine.Trim());
    }

    [Fact]
    public async Task A_different_stack_goes_through_the_same_chain_with_only_parameters_changed()
    {
        var run = await BuildScript.RunAsync("--compose-file", Ledger, "--compose-profile", "tools");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"BuildImages\s+Succeeded\s+\S+\s+3 images", run.Output);
        Assert.Matches(@"ComposeUp\s+Succeeded\s+\S+\s+3 services up", run.Output);
        Assert.Matches(@"SmokeTest\s+Succeeded", run.Output);
        Assert.Equal("", await BuildScript.ResourcesOfProjectAsync(run.ProjectName!));
    }

    [Fact]
    public async Task Where_compose_is_not_installed_yet_the_inputs_leave_the_stack_to_the_targets()
    {
        // A docker CLI without its compose plugin, as on a machine Restore has yet to set up; everything else is the real CLI.
        var directory = Directory.CreateTempSubdirectory("slipway-no-compose-");
        try
        {
            var path = Environment.GetEnvironmentVariable("PATH") ?? "";
            var docker = new Executables(new Dictionary<string, string> { ["PATH"] = path }).Find("docker")
                         ?? throw new InvalidOperationException("This test needs the docker CLI: ./build.sh Restore installs it.");
            var fake = Path.Combine(directory.FullName, "docker");
            await File.WriteAllTextAsync(fake,
                $"#!/bin/sh\n[ \"$1\" = compose ] && {{ echo \"docker: 'compose' is not a docker command.\" >&2; exit 1; }}\nexec {docker} \"$@\"\n");
            await CommandLine.RunCheckedAsync("chmod", ["755", fake], directory.FullName, new Dictionary<string, string>(), TimeSpan.FromMinutes(1));

            var run = await BuildScript.RunAsync(new Dictionary<string, string> { ["PATH"] = $"{directory.FullName}:{path}" },
                "BuildImages", "--skip", "Restore");

            // The inputs passed (no error before the targets); BuildImages, which needs the stack, says what compose said.
            Assert.Equal(1, run.ExitCode);
            Assert.Matches(@"BuildImages\s+Failed\s+\S+\s+compose rejected the stack \(.*compose\.yaml\): docker: 'compose' is not a docker command\.", run.Output);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_compose_file_that_compose_rejects_fails_with_compose_message_and_the_file()
    {
        var directory = Directory.CreateTempSubdirectory("slipway-broken-stack-");
        try
        {
            var file = Path.Combine(directory.FullName, "compose.yaml");
            await File.WriteAllTextAsync(file, "services:\n  app:\n    image: x\n    depends_on: [missing]\n");

            var run = await BuildScript.RunAsync("BuildImages", "--skip", "Restore", "--compose-file", file);

            Assert.Equal(1, run.ExitCode);
            Assert.Contains(file, run.Output);
            Assert.Contains("missing", run.Output);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
