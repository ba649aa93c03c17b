using System.Text.Json;
using Slipway.Build.Processes;
using Slipway.Containers.Publishing.Registry;

namespace Slipway.IntegrationTests.Publishing;

/// <summary>A real docker-registry on 127.0.0.1 with an htpasswd login (bcrypt, as htpasswd -B writes), inspected from outside with skopeo.</summary>
public sealed class AuthenticatedRegistry : IAsyncDisposable
{
    public const string Username = "publisher";
    public string Password { get; } = "pw-" + Guid.NewGuid().ToString("N");

    private readonly string _directory = Directory.CreateTempSubdirectory("slipway-publish-auth-").FullName;
    private readonly ProcessRunner _processes;

    public LocalRegistry Registry { get; private set; } = null!;
    public RegistryCredentials Credentials => new(Username, Password);

    private AuthenticatedRegistry(ProcessRunner processes) => _processes = processes;

    public static async Task<AuthenticatedRegistry> StartAsync(ProcessRunner processes)
    {
        foreach (var tool in new[] { "/usr/bin/htpasswd", "/usr/bin/skopeo", LocalRegistry.Executable })
            Assert.True(File.Exists(tool), $"{tool} is missing: install apache2-utils, skopeo and docker-registry (apt-get install apache2-utils skopeo docker-registry).");
        var registry = new AuthenticatedRegistry(processes);
        var htpasswd = Path.Combine(registry._directory, "htpasswd");
        // -i reads the password from stdin, so it stays out of the command line.
        var entry = await processes.RunAsync("htpasswd", ["-inB", Username], new ProcessOptions { StandardInput = registry.Password, Quiet = true });
        await File.WriteAllTextAsync(htpasswd, entry.StandardOutput);
        registry.Registry = await LocalRegistry.StartAsync(htpasswd);
        return registry;
    }

    public RegistryAddress Address(string ns) => RegistryAddress.Parse($"{Registry.Host}/{ns}");

    /// <summary>The digest of image:tag as skopeo sees it, or null when the tag does not exist.</summary>
    public async Task<string?> DigestAsync(string image, string tag)
    {
        var result = await Skopeo(["inspect", "--format", "{{.Digest}}", $"docker://{image}:{tag}"]);
        if (result.Succeeded) return result.StandardOutput.Trim();
        Assert.Contains("manifest unknown", result.StandardError);
        return null;
    }

    /// <summary>The platforms the index under image:tag lists, as skopeo reads the raw manifest.</summary>
    public async Task<IReadOnlyList<string>> PlatformsAsync(string image, string tag)
    {
        var result = await Skopeo(["inspect", "--raw", $"docker://{image}:{tag}"]);
        Assert.True(result.Succeeded, result.StandardError);
        using var index = JsonDocument.Parse(result.StandardOutput);
        return index.RootElement.GetProperty("manifests").EnumerateArray()
            .Select(m => m.GetProperty("platform"))
            .Select(p => $"{p.GetProperty("os").GetString()}/{p.GetProperty("architecture").GetString()}")
            .Where(p => p != "unknown/unknown")
            .Order().ToList();
    }

    /// <summary>The manifest or index under image:tag (or image@digest), byte for byte, as skopeo reads it.</summary>
    public async Task<string> RawAsync(string image, string tag, bool byDigest = false)
    {
        var result = await Skopeo(["inspect", "--raw", $"docker://{image}{(byDigest ? "@" : ":")}{tag}"]);
        Assert.True(result.Succeeded, result.StandardError);
        return result.StandardOutput;
    }

    public async Task<IReadOnlyList<string>> TagsAsync(string image)
    {
        var result = await Skopeo(["list-tags", $"docker://{image}"]);
        if (!result.Succeeded) return [];
        using var json = JsonDocument.Parse(result.StandardOutput);
        return json.RootElement.GetProperty("Tags").EnumerateArray().Select(t => t.GetString()!).Order().ToList();
    }

    private Task<ProcessResult> Skopeo(string[] arguments) =>
        _processes.RunAsync("skopeo", [arguments[0], "--tls-verify=false", "--creds", $"{Username}:{Password}", .. arguments[1..]],
            new ProcessOptions { Quiet = true, ThrowOnError = false });

    public async ValueTask DisposeAsync()
    {
        if (Registry is not null) await Registry.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
