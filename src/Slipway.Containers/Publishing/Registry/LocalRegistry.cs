using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using YamlDotNet.RepresentationModel;

namespace Slipway.Containers.Publishing.Registry;

/// <summary>
/// A throw-away registry on 127.0.0.1 (Debian's docker-registry, i.e. distribution): a temporary config and storage
/// folder and a free port. Used by Publish for a dry run when no --registry is given, and by tests. Stop/Start keep
/// the storage and the port, so a restarted registry still has what was pushed; disposing removes everything.
/// </summary>
public sealed class LocalRegistry : IAsyncDisposable
{
    public const string Executable = "/usr/bin/docker-registry";

    private readonly string _directory;
    private Process? _process;

    private LocalRegistry(string directory, int port)
    {
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>e.g. <c>127.0.0.1:41234</c>.</summary>
    public string Host => $"127.0.0.1:{Port}";

    public bool IsRunning => _process is { HasExited: false };

    /// <param name="htpasswdFile">When given, the registry requires these logins (bcrypt htpasswd, as <c>htpasswd -B</c> writes).</param>
    public static async Task<LocalRegistry> StartAsync(string? htpasswdFile = null, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Executable))
            throw new RegistryException($"{Executable} is missing: install Debian's docker-registry package (apt-get install docker-registry) for a local registry.");

        var directory = Directory.CreateTempSubdirectory("slipway-registry-").FullName;
        var registry = new LocalRegistry(directory, FreePort());
        try
        {
            Directory.CreateDirectory(Path.Combine(directory, "storage"));
            await File.WriteAllTextAsync(registry.ConfigFile, registry.Config(htpasswdFile), cancellationToken);
            await registry.StartAsync(cancellationToken);
            return registry;
        }
        catch
        {
            await registry.DisposeAsync();
            throw;
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning) return;
        var start = new ProcessStartInfo(Executable) { ArgumentList = { "serve", ConfigFile }, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var process = _process = Process.Start(start) ?? throw new RegistryException($"Could not start {Executable}.");
        var log = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new RegistryException($"{Executable} exited with code {process.ExitCode} while starting on {Host}:{Environment.NewLine}{log}");
            try
            {
                using var response = await http.GetAsync($"http://{Host}/v2/", cancellationToken);
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100, cancellationToken);
        }
        throw new RegistryException($"{Executable} did not answer on {Host} within 20 s:{Environment.NewLine}{log}");
    }

    /// <summary>Kills the registry at once, as a crash or a network failure would end it; the storage stays.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process) return;
        _process = null;
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    private string ConfigFile => Path.Combine(_directory, "config.yml");

    /// <summary>distribution's configuration: storage under the folder, this port on loopback, and htpasswd logins when given.</summary>
    private string Config(string? htpasswdFile)
    {
        var config = new YamlMappingNode
        {
            { "version", "0.1" },
            { "log", new YamlMappingNode { { "level", "warn" }, { "accesslog", new YamlMappingNode { { "disabled", "true" } } } } },
            {
                "storage", new YamlMappingNode
                {
                    { "filesystem", new YamlMappingNode { { "rootdirectory", Path.Combine(_directory, "storage") } } },
                    { "delete", new YamlMappingNode { { "enabled", "true" } } },
                }
            },
            { "http", new YamlMappingNode { { "addr", Host } } },
        };
        if (htpasswdFile is not null)
            config.Add("auth", new YamlMappingNode { { "htpasswd", new YamlMappingNode { { "realm", "slipway" }, { "path", htpasswdFile } } } });
        using var writer = new StringWriter();
        new YamlStream(new YamlDocument(config)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
