using System.Net;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Slipway.IntegrationTests.Support;
using Slipway.Tests.Shared;
using Xunit.Abstractions;

namespace Slipway.IntegrationTests;

/// <summary>
/// The reference stack (src/ReferenceStack) under plain docker compose: its images built from the host-side
/// prebuilds, then up, used through the proxy, degraded and recovered, and torn down without a trace.
/// </summary>
public sealed class ReferenceStackTests(ITestOutputHelper output)
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan ComposeTimeout = TimeSpan.FromMinutes(5);

    private readonly string stackDirectory = Path.Combine(RepositoryRoot.Find(), "src", "ReferenceStack");
    private readonly string project = $"slipway-it-{Guid.NewGuid():N}"[..24];
    private readonly int port = FreePort.Pick();

    private string ComposeFile => Path.Combine(stackDirectory, "compose.yaml");

    private Dictionary<string, string> StackEnvironment => new()
    {
        ["STACK_HTTP_PORT"] = port.ToString(),
        ["STACK_TAG"] = "integration-test",
    };

    [Fact]
    public async Task Stack_serves_through_the_proxy_recovers_from_a_database_outage_and_leaves_nothing_behind()
    {
        await RequireDockerAsync();
        await BuildImagesAsync();

        var succeeded = false;
        try
        {
            await ComposeAsync("up", "--detach", "--wait", "--wait-timeout", "180");
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };

            await ReadinessReportsEverythingUpAsync(http);
            await WebAppIsServedAsync(http);
            await ItemRoundTripsAsync(http);
            await WorkerJobCompletesAsync(http);
            await DatabaseOutageTurnsReadinessAroundAsync(http);
            succeeded = true;
        }
        finally
        {
            if (!succeeded)
            {
                await WriteDiagnosticsAsync();
            }
            await ComposeAsync("down", "--volumes", "--remove-orphans");
        }

        await NothingOfTheProjectRemainsAsync();
    }

    private static async Task RequireDockerAsync()
    {
        CommandResult result;
        try
        {
            result = await CommandLine.RunAsync("docker", ["info", "--format", "{{.ServerVersion}}"], ".", new Dictionary<string, string>(), TimeSpan.FromSeconds(30));
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException($"These tests need Docker, and the docker CLI could not be started: {exception.Message}");
        }
        Assert.True(result.ExitCode == 0, $"These tests need a running Docker engine; `docker info` failed:\n{result.Error}");
    }

    /// <summary>What Slipway's BuildImages does, by hand: each declared prebuild for the host's architecture, then bake.</summary>
    private async Task BuildImagesAsync()
    {
        var architecture = RuntimeInformation.OSArchitecture switch
        {
            Architecture.X64 => "amd64",
            Architecture.Arm64 => "arm64",
            var other => throw new PlatformNotSupportedException($"No image platform for {other}."),
        };
        var resolved = await CommandLine.RunCheckedAsync("docker", ["compose", "-f", ComposeFile, "config"], stackDirectory, StackEnvironment, ComposeTimeout);
        var prebuilds = ComposePrebuilds.Parse(resolved);
        Assert.NotEmpty(prebuilds);

        var prebuildEnvironment = new Dictionary<string, string>(StackEnvironment)
        {
            ["SLIPWAY_TARGETARCHS"] = architecture,
            ["SLIPWAY_PLATFORMS"] = $"linux/{architecture}",
        };
        foreach (var prebuild in prebuilds)
        {
            output.WriteLine($"prebuild {prebuild.Service}: {prebuild.Command}");
            await CommandLine.RunCheckedAsync("sh", ["-c", prebuild.Command], prebuild.Context, prebuildEnvironment, BuildTimeout);
        }

        // buildx 0.13 resolves the compose file's build contexts from the working directory.
        await CommandLine.RunCheckedAsync("docker", ["buildx", "bake", "-f", ComposeFile, "--load"], stackDirectory, StackEnvironment, BuildTimeout);
    }

    private static async Task ReadinessReportsEverythingUpAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/health/ready");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"/health/ready answered {response.StatusCode}: {body}");

        var readiness = JsonDocument.Parse(body).RootElement;
        Assert.Equal("up", readiness.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(readiness.GetProperty("version").GetString()));
        Assert.Equal("up", readiness.GetProperty("components").GetProperty("database").GetString());
        Assert.Equal("up", readiness.GetProperty("components").GetProperty("cache").GetString());
    }

    private static async Task WebAppIsServedAsync(HttpClient http)
    {
        Assert.Equal("ok", (await http.GetStringAsync("/healthz")).Trim());
        Assert.Contains("<div id=\"root\">", await http.GetStringAsync("/"));
    }

    private static async Task ItemRoundTripsAsync(HttpClient http)
    {
        var name = $"item {Guid.NewGuid()}";
        using var created = await http.PostAsJsonAsync("/api/v1/items", new { name });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var fetched = await http.GetFromJsonAsync<JsonElement>($"/api/v1/items/{id}");
        Assert.Equal(name, fetched.GetProperty("name").GetString());

        var listed = await http.GetFromJsonAsync<JsonElement>("/api/v1/items");
        Assert.Contains(listed.EnumerateArray(), item => item.GetProperty("id").GetInt64() == id);

        using var deleted = await http.DeleteAsync($"/api/v1/items/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await http.GetAsync($"/api/v1/items/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    private static async Task WorkerJobCompletesAsync(HttpClient http)
    {
        var input = $"job {Guid.NewGuid()}";
        using var enqueued = await http.PostAsJsonAsync("/api/v1/jobs", new { input });
        Assert.Equal(HttpStatusCode.Accepted, enqueued.StatusCode);
        var location = enqueued.Headers.Location ?? throw new InvalidOperationException("202 without a Location header.");

        var job = await Poll.UntilAsync(
            () => http.GetFromJsonAsync<JsonElement>(location),
            job => job.GetProperty("status").GetString() == "done",
            TimeSpan.FromSeconds(30),
            "the worker to complete the job");

        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(input)));
        Assert.Equal(expected, job.GetProperty("result").GetString());
    }

    private async Task DatabaseOutageTurnsReadinessAroundAsync(HttpClient http)
    {
        await ComposeAsync("stop", "db");
        var down = await Poll.UntilAsync(() => ReadinessAsync(http), r => r.Status == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30), "503 with db stopped");
        Assert.Equal("down", JsonDocument.Parse(down.Body).RootElement.GetProperty("components").GetProperty("database").GetString());

        await ComposeAsync("start", "db");
        await Poll.UntilAsync(() => ReadinessAsync(http), r => r.Status == HttpStatusCode.OK, TimeSpan.FromSeconds(60), "200 with db started again");
    }

    private static async Task<(HttpStatusCode Status, string Body)> ReadinessAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/health/ready");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task NothingOfTheProjectRemainsAsync()
    {
        var label = $"label=com.docker.compose.project={project}";
        foreach (var listing in new[] { new[] { "ps", "--all" }, ["network", "ls"], ["volume", "ls"] })
        {
            var left = await CommandLine.RunCheckedAsync("docker", [.. listing, "--quiet", "--filter", label], stackDirectory, StackEnvironment, ComposeTimeout);
            Assert.True(left.Trim().Length == 0, $"`docker {string.Join(' ', listing)}` still lists {project}'s: {left}");
        }
    }

    private async Task WriteDiagnosticsAsync()
    {
        var ps = await CommandLine.RunAsync("docker", ["compose", "-p", project, "-f", ComposeFile, "ps", "--all"], stackDirectory, StackEnvironment, ComposeTimeout);
        var logs = await CommandLine.RunAsync("docker", ["compose", "-p", project, "-f", ComposeFile, "logs", "--no-color", "--tail", "50"], stackDirectory, StackEnvironment, ComposeTimeout);
        output.WriteLine(ps.Output);
        output.WriteLine(logs.Output);
    }

    private Task<string> ComposeAsync(params string[] arguments) =>
        CommandLine.RunCheckedAsync("docker", ["compose", "-p", project, "-f", ComposeFile, .. arguments], stackDirectory, StackEnvironment, ComposeTimeout);
}
