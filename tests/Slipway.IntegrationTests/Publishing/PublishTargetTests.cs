using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.IntegrationTests.Chain;
using Slipway.IntegrationTests.Support;

namespace Slipway.IntegrationTests.Publishing;

/// <summary>
/// Publish and VerifyImages as a user runs them: in a clone of the repository tagged v1.2.3, ./build.sh takes the second
/// stack through the chain, takes version and tags from git, pushes to a real registry with a login, signs with a key
/// pair and verifies. cosign and skopeo then check the result from outside Slipway, and a tag moved onto an unsigned
/// index fails VerifyImages, which names it.
/// </summary>
public sealed class PublishTargetTests : IAsyncLifetime
{
    private static readonly string[] Services = ["inspector", "migrate", "reports"];
    private static readonly string[] ReleaseTags = ["1", "1.2", "1.2.3", "latest"];

    private readonly string _work = Directory.CreateTempSubdirectory("slipway-publish-e2e-").FullName;
    private readonly string _prefix = "slipway-e2e-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _keyPassword = "kp-" + Guid.NewGuid().ToString("N");
    private readonly TestImages _tools = new();
    private AuthenticatedRegistry _registry = null!;

    private string Clone => Path.Combine(_work, "clone");
    private string Keys => Path.Combine(_work, "keys");
    private string Registry => $"{_registry.Registry.Host}/acme";

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists("/usr/bin/cosign"), "/usr/bin/cosign is missing: ./build.sh Test installs it (RestoreTestTools).");
        _registry = await AuthenticatedRegistry.StartAsync(_tools.Processes);
        // What is committed is what a clone gets: the test runs the repository's own build.sh and build project.
        await RunAsync("git", ["clone", "--quiet", "--no-hardlinks", BuildScript.Root, Clone], _work);
        await RunAsync("git", ["-c", "user.name=Slipway", "-c", "user.email=slipway@example.invalid", "tag", "-a", "v1.2.3", "-m", "v1.2.3"], Clone);
        Directory.CreateDirectory(Keys);
        await RunAsync("cosign", ["generate-key-pair"], Keys, new Dictionary<string, string> { ["COSIGN_PASSWORD"] = _keyPassword });
    }

    public async Task DisposeAsync()
    {
        await _registry.DisposeAsync();
        var images = await CommandLine.RunAsync("docker", ["image", "ls", "--format", "{{.Repository}}:{{.Tag}}", "--filter", $"reference={_prefix}/*"], _work,
            new Dictionary<string, string>(), TimeSpan.FromMinutes(1));
        foreach (var image in images.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            await CommandLine.RunAsync("docker", ["image", "rm", "--force", image], _work, new Dictionary<string, string>(), TimeSpan.FromMinutes(1));
        await _tools.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task A_tagged_clone_publishes_signed_attested_images_that_cosign_verifies_and_a_moved_tag_fails_verification()
    {
        var sha = (await RunAsync("git", ["rev-parse", "--short=7", "HEAD"], Clone)).Trim();
        var run = await BuildAsync("Publish", "VerifyImages",
            "--compose-file", "tests/Stacks/ledger/compose.yaml", "--compose-profile", "tools", "--image-prefix", _prefix,
            "--registry", Registry, "--registry-username", AuthenticatedRegistry.Username, "--registry-password", _registry.Password,
            "--cosign-key", Path.Combine(Keys, "cosign.key"), "--cosign-password", _keyPassword);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Matches(@"\nPublish\s+Succeeded", run.Output);
        Assert.Matches(@"\nVerifyImages\s+Succeeded\s+\S+\s+15 tags of 3 images signed", run.Output);

        using (var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Clone, "artifacts", "verification.json"))))
            Assert.True(report.RootElement.GetProperty("passed").GetBoolean(), report.RootElement.ToString());

        string? reportsDigest = null;
        foreach (var service in Services)
        {
            var image = $"{Registry}/{service}";
            var tags = await _registry.TagsAsync(image);
            Assert.Equal([.. ReleaseTags, $"sha-{sha}"], tags.Where(t => !t.StartsWith("sha256-", StringComparison.Ordinal)));
            var digest = (await _registry.DigestAsync(image, "1.2.3"))!;
            foreach (var tag in ReleaseTags.Append($"sha-{sha}"))
            {
                Assert.Equal(digest, await _registry.DigestAsync(image, tag));
                Assert.Equal(["linux/amd64"], await _registry.PlatformsAsync(image, tag));
            }
            // cosign keeps the signature and the attestations beside the index, under tags named after its digest.
            Assert.Contains($"sha256-{digest[7..]}.sig", tags);
            Assert.Contains($"sha256-{digest[7..]}.att", tags);

            var manifest = PlatformManifest(await _registry.RawAsync(image, "1.2.3"));
            await VerifyFromOutsideAsync($"{image}@{digest}", digest, manifest);
            if (service == "reports") reportsDigest = digest;
        }

        // No password is printed, logged or written anywhere the build put output.
        foreach (var secret in new[] { _registry.Password, _keyPassword })
        {
            Assert.DoesNotContain(secret, run.Output);
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Clone, ".nuke", "temp", "logs")).Concat(Directory.EnumerateFiles(Path.Combine(Clone, "artifacts"), "*", SearchOption.AllDirectories)))
                Assert.DoesNotContain(secret, await File.ReadAllTextAsync(file));
        }
        Assert.Equal("", (await RunAsync("git", ["status", "--porcelain"], Clone)).Trim());

        // Someone moves reports:1.2 onto an index nobody signed (the same platforms, one annotation more).
        var index = JsonNode.Parse(await _registry.RawAsync($"{Registry}/reports", "1.2"))!.AsObject();
        index["annotations"] = new JsonObject { ["moved-by"] = "someone else" };
        await PutIndexAsync("acme/reports", "1.2", index.ToJsonString());
        var tampered = (await _registry.DigestAsync($"{Registry}/reports", "1.2"))!;
        Assert.NotEqual(reportsDigest, tampered);

        var verify = await BuildAsync("VerifyImages",
            "--compose-file", "tests/Stacks/ledger/compose.yaml", "--compose-profile", "tools",
            "--registry", Registry, "--registry-username", AuthenticatedRegistry.Username, "--cosign-key", Path.Combine(Keys, "cosign.pub"));

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains($"{Registry}/reports:1.2 → {tampered} is not signed by the key {Path.Combine(Keys, "cosign.pub")}", verify.Output);
        Assert.DoesNotContain($"{Registry}/reports:1.2.3 → {tampered}", verify.Output);
        Assert.Matches(@"\nVerifyImages\s+Failed", verify.Output);
    }

    /// <summary>cosign itself, with its own login folder, accepts the signature and both attestations, each about the index digest.</summary>
    private async Task VerifyFromOutsideAsync(string reference, string digest, string manifest)
    {
        var key = Path.Combine(Keys, "cosign.pub");
        var signature = await CosignAsync(["verify", "--key", key, "--insecure-ignore-tlog=true", reference]);
        Assert.Equal(digest, JsonNode.Parse(signature)!.AsArray().Single()!["critical"]!["image"]!["docker-manifest-digest"]!.GetValue<string>());

        foreach (var (type, predicateType, aboutManifest) in new (string, string, Func<JsonNode, string?>)[]
                 {
                     ("cyclonedx", "https://cyclonedx.org/bom", p => p["metadata"]?["component"]?["version"]?.GetValue<string>()),
                     ("vuln", "https://cosign.sigstore.dev/attestation/vuln/v1", p => p["scanner"]?["result"]?["manifest"]?.GetValue<string>()),
                 })
        {
            var envelopes = (await CosignAsync(["verify-attestation", "--key", key, "--insecure-ignore-tlog=true", "--type", type, reference]))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var statement = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(JsonNode.Parse(Assert.Single(envelopes))!["payload"]!.GetValue<string>())))!;
            Assert.Equal(predicateType, statement["predicateType"]!.GetValue<string>());
            Assert.Equal(digest, "sha256:" + statement["subject"]!.AsArray().Single()!["digest"]!["sha256"]!.GetValue<string>());
            Assert.Equal(manifest, aboutManifest(statement["predicate"]!));
        }
    }

    private async Task<string> CosignAsync(string[] arguments)
    {
        var config = Path.Combine(_work, "docker-config");
        Directory.CreateDirectory(config);
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AuthenticatedRegistry.Username}:{_registry.Password}"));
        var auths = new JsonObject { ["auths"] = new JsonObject { [_registry.Registry.Host] = new JsonObject { ["auth"] = auth } } };
        await File.WriteAllTextAsync(Path.Combine(config, "config.json"), auths.ToJsonString());
        return await RunAsync("cosign", arguments, _work, new Dictionary<string, string> { ["DOCKER_CONFIG"] = config });
    }

    private async Task PutIndexAsync(string repository, string tag, string index)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Put, $"http://{_registry.Registry.Host}/v2/{repository}/manifests/{tag}")
        {
            Content = new StringContent(index, new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.oci.image.index.v1+json")),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AuthenticatedRegistry.Username}:{_registry.Password}")));
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string PlatformManifest(string index) =>
        JsonNode.Parse(index)!["manifests"]!.AsArray().Single(m => m!["platform"]!["architecture"]!.GetValue<string>() == "amd64")!["digest"]!.GetValue<string>();

    /// <summary>./build.sh in the clone; without --registry-password the registry's comes from REGISTRY_PASSWORD, as CI gives it.</summary>
    private async Task<BuildRun> BuildAsync(params string[] arguments)
    {
        var result = await CommandLine.RunAsync(Path.Combine(Clone, "build.sh"), arguments, Clone,
            new Dictionary<string, string> { ["NO_COLOR"] = "1", ["REGISTRY_PASSWORD"] = _registry.Password }, TimeSpan.FromMinutes(30));
        return new BuildRun(result.ExitCode, result.Output + result.Error);
    }

    private static Task<string> RunAsync(string program, string[] arguments, string directory, IReadOnlyDictionary<string, string>? environment = null) =>
        CommandLine.RunCheckedAsync(program, arguments, directory, environment ?? new Dictionary<string, string>(), TimeSpan.FromMinutes(5));
}
