using Slipway.Build.Processes;
using Slipway.Build;
using Slipway.Containers.Images;

namespace Slipway.Containers.Stacks;

/// <summary>The stack's inputs, checked before any target runs: files, platforms, variables, and what compose says of the files.</summary>
public static class StackInputs
{
    public static async Task ValidateAsync(IStack build, CancellationToken ct)
    {
        _ = build.ComposeFiles;
        if (build.EnvFile is { } envFile && !File.Exists(envFile))
            throw new ParameterException($"Parameter 'EnvFile': {envFile} does not exist; expected an env file for compose's interpolation.");
        foreach (var platform in build.Platforms)
        {
            try
            {
                PlatformName.Parse(platform);
            }
            catch (FormatException e)
            {
                throw new ParameterException($"Parameter 'Platform': {e.Message}");
            }
        }

        _ = build.ComposeEnvironment;
        await LoadIfComposeAsync(build, ct);
    }

    /// <summary>
    /// The stack, when compose is installed; null on a machine that Restore has yet to set up (the targets that need the
    /// stack read it again once Restore has run, and report what compose says then).
    /// </summary>
    public static async Task<StackDefinition?> LoadIfComposeAsync(IStack build, CancellationToken ct)
    {
        if (build.Context.Executables.Find("docker") is null) return null;
        try
        {
            return await build.LoadStackAsync(ct);
        }
        catch (InputException)
        {
            // A stack compose read proves compose is there; only a refusal needs the question (one process less per run).
            if (await ComposeInstalledAsync(build.Processes, ct)) throw;
            return null;
        }
    }

    /// <summary>Whether <c>docker compose</c> answers: a machine Restore has yet to set up may lack it.</summary>
    private static async Task<bool> ComposeInstalledAsync(ProcessRunner processes, CancellationToken ct) =>
        (await processes.RunAsync("docker", ["compose", "version"], new ProcessOptions { Quiet = true, ThrowOnError = false }, ct)).Succeeded;
}
