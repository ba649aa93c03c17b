using Docker.DotNet.Models;
using Docker.DotNet;
using Serilog;
using Slipway.Build.Execution;
using Slipway.Build.Processes;
using Slipway.Containers.Images;

namespace Slipway.Containers.Machine.BaseImages;

/// <summary>What happened to one base image.</summary>
public enum BaseImageOutcome
{
    Present,
    Pulled,
    Seeded,
}

/// <summary>
/// Makes sure every base image is in the engine's store for every platform it is needed for: present → nothing;
/// otherwise pull; a <c>debian:&lt;suite&gt;-slim</c> that cannot be pulled is seeded; anything else is an error.
/// </summary>
public sealed class BaseImageRestorer(ILogger log, ProcessRunner processes, DockerClient docker)
{
    /// <summary>Platforms of the need that the local image lacks; all of them when there is no such image.</summary>
    public async Task<IReadOnlyList<PlatformName>> MissingPlatformsAsync(BaseImageNeed need, CancellationToken ct)
    {
        try
        {
            await docker.Images.InspectImageAsync(need.Image, ct);
        }
        catch (DockerImageNotFoundException)
        {
            return need.Platforms;
        }

        if (await ResolvesAsync(need.Image, need.Platforms, ct)) return [];
        var missing = new List<PlatformName>();
        foreach (var platform in need.Platforms)
            if (!await ResolvesAsync(need.Image, [platform], ct)) missing.Add(platform);
        return missing;
    }

    /// <summary>Tries to pull each platform; true when afterwards nothing is missing.</summary>
    public async Task<bool> TryPullAsync(BaseImageNeed need, IReadOnlyList<PlatformName> platforms, CancellationToken ct)
    {
        foreach (var platform in platforms)
        {
            log.Information("Pulling {Image} for {Platform}", need.Image, platform);
            string? error = null;
            try
            {
                await docker.Images.CreateImageAsync(
                    new ImagesCreateParameters { FromImage = need.Image, Platform = platform.ToString() }, null,
                    new Progress<JSONMessage>(message => error ??= message.Error?.Message), ct);
            }
            catch (DockerApiException e)
            {
                error = EngineMessage(e);
            }

            if (error is not null)
            {
                log.Information("Could not pull {Image} for {Platform}: {Error}", need.Image, platform, error);
                return false;
            }
        }

        return (await MissingPlatformsAsync(need, ct)).Count == 0;
    }

    // The engine answers errors as {"message": "…"}.
    private static string EngineMessage(DockerApiException e)
    {
        try
        {
            using var body = System.Text.Json.JsonDocument.Parse(e.ResponseBody ?? "");
            if (body.RootElement.TryGetProperty("message", out var message) && message.GetString() is { Length: > 0 } text) return text;
        }
        catch (System.Text.Json.JsonException)
        {
        }

        return e.ResponseBody is { Length: > 0 } raw ? raw.Trim() : e.Message;
    }

    /// <summary>
    /// Whether buildx can resolve the image for all the platforms from the local store: the engine's image inspect shows
    /// only the native platform, while a build of <c>FROM image</c> with no output sees the whole index (about half a second).
    /// </summary>
    private async Task<bool> ResolvesAsync(string image, IReadOnlyList<PlatformName> platforms, CancellationToken ct)
    {
        // A context folder of its own: given the Dockerfile on stdin, buildx leaves a temporary file and folder in /tmp each time.
        var context = Directory.CreateTempSubdirectory("slipway-base-image-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(context.FullName, "Dockerfile"), $"FROM {image}\n", ct);
            var result = await processes.RunAsync("docker",
                ["buildx", "build", "--platform", string.Join(',', platforms), "--output", "type=cacheonly", "--progress", "quiet", context.FullName],
                new ProcessOptions { ThrowOnError = false, Quiet = true }, ct);
            return result.Succeeded;
        }
        finally
        {
            context.Delete(recursive: true);
        }
    }

    public static TargetFailedException Unavailable(BaseImageNeed need, IReadOnlyList<PlatformName> missing) =>
        new($"Base image {need.Image} (FROM in {string.Join(", ", need.Dockerfiles)}) is not on this machine for {string.Join(", ", missing)} "
            + "and could not be pulled. Only debian:<suite>-slim can be made locally; load or pull the image, or change the FROM.");
}
