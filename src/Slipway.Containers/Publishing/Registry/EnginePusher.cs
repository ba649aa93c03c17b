using Docker.DotNet;
using Docker.DotNet.Models;
using Polly;
using Polly.Retry;
using Serilog;
using Slipway.Containers.Images;

namespace Slipway.Containers.Publishing.Registry;

/// <summary>
/// Pushes a built image from the local engine under one tag. With the containerd image store the engine pushes the
/// whole index and every platform's manifest; the credentials go to the engine in the API's auth header, never into
/// a command line or a config file.
/// </summary>
/// <param name="observe">Sees every progress message of the push (tests use it to interrupt a push midway).</param>
/// <param name="firstRetryDelay">The first wait before a push that met a registry's bad moment is tried again (tests shorten it).</param>
public sealed class EnginePusher(DockerClient docker, ILogger log, Action<JSONMessage>? observe = null, TimeSpan? firstRetryDelay = null)
{
    // A push is content-addressed and so safe to repeat; only a registry's 429 or 5xx is tried again, not a refusal or a dead registry.
    private readonly ResiliencePipeline _retries = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = RegistryRetries.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = firstRetryDelay ?? TimeSpan.FromMilliseconds(500),
            ShouldHandle = new PredicateBuilder().Handle<RegistryException>(e => EnginePushError.IsTransient(e.Message)),
            OnRetry = args =>
            {
                log.Warning("{Failure}; trying again in {Delay:0.0} s", args.Outcome.Exception!.Message, args.RetryDelay.TotalSeconds);
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    /// <summary>Checks that the local image is still the one images.json records: what was scanned and tested is what ships.</summary>
    public async Task EnsureUnchangedAsync(BuiltImage image, string reportFile, CancellationToken cancellationToken)
    {
        ImageInspectResponse local;
        try
        {
            local = await docker.Images.InspectImageAsync(image.Reference, cancellationToken);
        }
        catch (DockerImageNotFoundException)
        {
            throw new RegistryException($"{reportFile}: service '{image.Service}' names the local image {image.Reference}, which is not in the engine: run BuildImages again.");
        }
        if (local.ID != image.Digest)
            throw new RegistryException(
                $"{reportFile}: service '{image.Service}' records digest {image.Digest}, but the local image {image.Reference} is now {local.ID}: " +
                "it was rebuilt after the scan; run the chain again so the scanned image is the one published.");
    }

    /// <summary>Pushes the local image as <paramref name="target"/>:<paramref name="tag"/>; the temporary local tag is removed afterwards.</summary>
    public Task PushAsync(BuiltImage image, string target, string tag, RegistryCredentials? credentials, string serverAddress, CancellationToken cancellationToken) =>
        _retries.ExecuteAsync(ct => new ValueTask(PushOnceAsync(image, target, tag, credentials, serverAddress, ct)), cancellationToken).AsTask();

    private async Task PushOnceAsync(BuiltImage image, string target, string tag, RegistryCredentials? credentials, string serverAddress, CancellationToken cancellationToken)
    {
        await docker.Images.TagImageAsync(image.Reference, new ImageTagParameters { RepositoryName = target, Tag = tag }, cancellationToken);
        try
        {
            string? error = null;
            var progress = new Progress(message =>
            {
                observe?.Invoke(message);
                if (message.Error?.Message is { Length: > 0 } failure) error = failure;
                else if (message is { Status.Length: > 0, ID: null or "" }) log.Information("{Status}", message.Status);
            });
            var auth = credentials is null ? new AuthConfig() : new AuthConfig { Username = credentials.Username, Password = credentials.Password, ServerAddress = serverAddress };
            try
            {
                await docker.Images.PushImageAsync(target, new ImagePushParameters { Tag = tag }, auth, progress, cancellationToken);
            }
            catch (DockerApiException e)
            {
                error = e.ResponseBody is { Length: > 0 } body ? body.Trim() : e.Message;
            }
            if (error is not null) throw new RegistryException($"Pushing {target}:{tag} failed: {error}");
        }
        finally
        {
            await docker.Images.DeleteImageAsync($"{target}:{tag}", new ImageDeleteParameters { NoPrune = true }, CancellationToken.None);
        }
    }

    /// <summary>Runs the callback on the pushing thread, in order (System.Progress would post to the thread pool).</summary>
    private sealed class Progress(Action<JSONMessage> report) : IProgress<JSONMessage>
    {
        public void Report(JSONMessage value) => report(value);
    }
}
