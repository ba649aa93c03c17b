using System.Text;
using System.Text.Json.Nodes;
using Slipway.Containers.Publishing.Registry;

namespace Slipway.Containers.Publishing.Signing;

/// <summary>
/// A DOCKER_CONFIG folder that holds only the login for the one registry cosign talks to, readable by this user alone,
/// and removed on dispose. cosign's own <c>--registry-password</c> would put the password on its command line, where
/// any user of the machine can read it; and the user's own ~/.docker stays out of it.
/// </summary>
public sealed class RegistryAuthFolder : IDisposable
{
    private RegistryAuthFolder(string path) => Path = path;

    /// <summary>The folder to give cosign as DOCKER_CONFIG.</summary>
    public string Path { get; }

    public static RegistryAuthFolder Create(RegistryAddress address, RegistryCredentials? credentials)
    {
        // Created 0700 on Unix; the config file is 0600.
        var folder = new RegistryAuthFolder(Directory.CreateTempSubdirectory("slipway-cosign-auth-").FullName);
        try
        {
            var file = System.IO.Path.Combine(folder.Path, "config.json");
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using var stream = new FileStream(file, options);
            stream.Write(Encoding.UTF8.GetBytes(Config(address, credentials)));
            return folder;
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    /// <summary>Docker's config.json with one <c>auths</c> entry (Docker Hub's under the key Docker's tools use for it).</summary>
    public static string Config(RegistryAddress address, RegistryCredentials? credentials)
    {
        var auths = new JsonObject();
        if (credentials is not null)
            auths[address.Host == "docker.io" ? "https://index.docker.io/v1/" : address.Host] = new JsonObject
            {
                ["auth"] = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.Username}:{credentials.Password}")),
            };
        return new JsonObject { ["auths"] = auths }.ToJsonString();
    }

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
