using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Serilog.Core;
using Slipway.Build;
using Slipway.Build.Logging;
using Slipway.Build.Processes;
using Slipway.Containers.Images;
using Slipway.IntegrationTests.Support;
using Slipway.Tests.Shared;

namespace Slipway.IntegrationTests.Scanning;

/// <summary>
/// The reference stack's real api image, built as BuildImages builds it (the service's host prebuild, then buildx
/// from its Dockerfile) under a tag of its own, with the images.json entry BuildImages would write. Removed on dispose.
/// </summary>
public sealed partial class ApiImage : IAsyncLifetime
{
    public string Root { get; } = RepositoryRoot.Find();
    public ProcessRunner Processes { get; } = new(Logger.None, new SecretMasker(), AbsolutePath.Create(Directory.GetCurrentDirectory()));
    public string Platform { get; } = "linux/" + Architecture;
    public BuiltImage Image { get; private set; } = null!;

    private string ApiDirectory => Path.Combine(Root, "src", "ReferenceStack", "api");

    private static string Architecture => RuntimeInformation.OSArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => "amd64",
        System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
        var other => throw new PlatformNotSupportedException($"No image platform for {other}."),
    };

    public async Task InitializeAsync()
    {
        var docker = await Processes.RunAsync("docker", ["info", "--format", "{{.ServerVersion}}"], new ProcessOptions { Quiet = true, ThrowOnError = false });
        Assert.True(docker.Succeeded, $"These tests need a running Docker engine; `docker info` failed: {docker.StandardError}");

        await Processes.RunAsync("sh", ["../scripts/publish-dotnet.sh"], new ProcessOptions
        {
            WorkingDirectory = ApiDirectory, Quiet = true,
            Environment = new Dictionary<string, string?> { ["SLIPWAY_TARGETARCHS"] = Architecture, ["SLIPWAY_PLATFORMS"] = Platform },
        });
        Image = await ScanTestImage.BuildAsync(Processes, "api", ApiDirectory, Platform);
    }

    public ImagesReport Report() => ScanTestImage.Report(Platform, Image);

    /// <summary>Installed Debian packages as dpkg-query reports them inside the image (a container of its own, removed when done).</summary>
    public async Task<IReadOnlyDictionary<string, string>> DpkgQueryAsync()
    {
        var result = await Processes.RunAsync("docker",
            ["run", "--rm", "--network", "none", "--entrypoint", "dpkg-query", Image.Reference, "-W", "-f", "${Package}:${Architecture} ${Version} ${db:Status-Status}\\n"],
            new ProcessOptions { Quiet = true });
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .Where(parts => parts.Length == 3 && parts[2] == "installed")
            .ToDictionary(parts => parts[0], parts => parts[1]);
    }

    /// <summary>A NuGet package version as the stack declares it (src/ReferenceStack/Directory.Packages.props), not as the image says.</summary>
    public string DeclaredPackageVersion(string package)
    {
        var props = File.ReadAllText(Path.Combine(Root, "src", "ReferenceStack", "Directory.Packages.props"));
        var match = Regex.Match(props, $"""Include="{Regex.Escape(package)}"\s+Version="([^"]+)" """.TrimEnd());
        Assert.True(match.Success, $"src/ReferenceStack/Directory.Packages.props declares no version of {package}.");
        return match.Groups[1].Value;
    }

    public async Task DisposeAsync()
    {
        if (Image is not null)
            await Processes.RunAsync("docker", ["image", "rm", "--force", Image.Reference], new ProcessOptions { Quiet = true, ThrowOnError = false });
    }
}
