using Slipway.Containers.Publishing.Registry;

namespace Slipway.Containers.Tests.Publishing;

/// <summary>Which of the engine's push failures are a registry's bad moment, tried again, and which are final.</summary>
public class EnginePushErrorTests
{
    [Theory]
    [InlineData("unexpected status from HEAD request to http://127.0.0.1:35327/v2/acme/worker/manifests/sha-0123456: 500 Internal Server Error")]
    [InlineData("unexpected status from PUT request to https://ghcr.io/v2/acme/api/blobs/uploads/x: 502 Bad Gateway")]
    [InlineData("failed commit on ref \"layer-sha256:ab\": unexpected status from PUT request to https://r.example/v2/a/blobs/uploads/1: 503 Service Unavailable")]
    [InlineData("unexpected status from POST request to https://r.example/v2/a/blobs/uploads/: 429 Too Many Requests")]
    [InlineData("unexpected status from HEAD request to https://r.example/v2/a/manifests/1: 504 Gateway Timeout")]
    public void A_registry_status_that_passes_is_tried_again(string error) => Assert.True(EnginePushError.IsTransient(error));

    [Theory]
    [InlineData("unexpected status from HEAD request to https://r.example/v2/a/manifests/1: 401 Unauthorized")]
    [InlineData("unexpected status from PUT request to https://r.example/v2/a/manifests/1: 403 Forbidden")]
    [InlineData("unexpected status from PUT request to https://r.example/v2/a/manifests/1: 501 Not Implemented")]
    [InlineData("failed to do request: Head \"http://127.0.0.1:5000/v2/a/manifests/1\": dial tcp 127.0.0.1:5000: connect: connection refused")]
    [InlineData("denied: requested access to the resource is denied")]
    [InlineData("tag sha-500 Internal is not a status")]
    public void A_refusal_or_a_dead_registry_is_final(string error) => Assert.False(EnginePushError.IsTransient(error));
}
