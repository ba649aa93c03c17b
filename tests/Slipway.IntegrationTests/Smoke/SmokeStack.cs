using Serilog.Core;
using Slipway.Build;
using Slipway.Build.Logging;
using Slipway.Build.Processes;
using Slipway.Containers.Stacks;
using Slipway.IntegrationTests.Support;
using Slipway.Tests.Shared;

namespace Slipway.IntegrationTests.Smoke;

/// <summary>The test stack (Smoke/stack) under its own project name, started once for the class and always taken down.</summary>
public sealed class SmokeStack : IAsyncLifetime
{
    private static readonly string Directory = Path.Combine(RepositoryRoot.Find(), "tests", "Slipway.IntegrationTests", "Smoke", "stack");

    public ProcessRunner Processes { get; } = new(Logger.None, new SecretMasker(), AbsolutePath.Create(Directory));

    public ComposeCommand Compose { get; } = new([AbsolutePath.Create(Path.Combine(Directory, "compose.yaml"))], null, [], $"slipway-smoke-it-{Guid.NewGuid():N}"[..26]);

    public StackDefinition Stack { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var image = await Processes.RunAsync("docker", ["image", "inspect", "debian:bookworm-slim"], new ProcessOptions { Quiet = true, ThrowOnError = false });
        if (!image.Succeeded)
            throw new InvalidOperationException($"The smoke integration tests need a Docker engine with the image debian:bookworm-slim (made locally, see DESIGN.md): {image.StandardError.Trim()}");
        Stack = await new StackLoader(Processes).LoadAsync(Compose, default);
        await Processes.RunAsync("docker", Compose.Arguments("up", "--detach", "--wait", "--wait-timeout", "60"), new ProcessOptions { Quiet = true });
    }

    public async Task DisposeAsync()
    {
        await Processes.RunAsync("docker", Compose.Arguments("down", "--volumes", "--remove-orphans", "--timeout", "1"), new ProcessOptions { Quiet = true });
        var left = await Processes.RunAsync("docker", ["ps", "-aq", "--filter", $"label=com.docker.compose.project={Compose.ProjectName}"], new ProcessOptions { Quiet = true });
        if (left.StandardOutput.Trim().Length > 0) throw new InvalidOperationException($"Containers of {Compose.ProjectName} were left: {left.StandardOutput}");
    }
}
