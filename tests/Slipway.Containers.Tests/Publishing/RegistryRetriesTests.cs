using System.Net;
using System.Net.Http.Headers;
using Slipway.Containers.Publishing.Registry;

namespace Slipway.Containers.Tests.Publishing;

/// <summary>A registry's bad moments: idempotent requests are sent again, Retry-After is honoured, and the registry's words end it.</summary>
public class RegistryRetriesTests
{
    private const string Digest = "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    /// <summary>Answers each request with the next scripted outcome (the last one repeats) and records what was asked.</summary>
    private sealed class ScriptedRegistry(params Func<HttpRequestMessage, HttpResponseMessage>[] script) : HttpMessageHandler
    {
        public List<(HttpMethod Method, DateTime At)> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Requests) Requests.Add((request.Method, DateTime.UtcNow));
            return Task.FromResult(script[Math.Min(Requests.Count, script.Length) - 1](request));
        }
    }

    private static HttpResponseMessage Status(HttpStatusCode status, string body = "") => new(status) { Content = new StringContent(body) };

    private static HttpResponseMessage Found(HttpRequestMessage _)
    {
        var response = Status(HttpStatusCode.OK);
        response.Headers.Add("Docker-Content-Digest", Digest);
        return response;
    }

    private static RegistryClient Client(ScriptedRegistry registry) =>
        new(RegistryAddress.Parse("localhost:5999/acme"), null, registry, firstRetryDelay: TimeSpan.FromMilliseconds(10));

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task A_transient_answer_to_an_idempotent_request_is_tried_again(HttpStatusCode status)
    {
        var registry = new ScriptedRegistry(_ => Status(status), _ => Status(status), Found);
        using var client = Client(registry);
        Assert.Equal(Digest, await client.ResolveAsync("acme/api", "1.2.3", default));
        Assert.Equal(3, registry.Requests.Count);
    }

    [Fact]
    public async Task A_broken_connection_is_tried_again()
    {
        var registry = new ScriptedRegistry(_ => throw new HttpRequestException("Connection reset by peer"), Found);
        using var client = Client(registry);
        Assert.Equal(Digest, await client.ResolveAsync("acme/api", "1.2.3", default));
        Assert.Equal(2, registry.Requests.Count);
    }

    [Fact]
    public async Task Retry_After_sets_the_wait()
    {
        var registry = new ScriptedRegistry(_ =>
        {
            var busy = Status(HttpStatusCode.TooManyRequests);
            busy.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(1));
            return busy;
        }, Found);
        using var client = Client(registry);
        await client.ResolveAsync("acme/api", "1.2.3", default);
        Assert.InRange(registry.Requests[1].At - registry.Requests[0].At, TimeSpan.FromMilliseconds(950), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task After_the_last_try_the_registrys_own_words_are_the_error()
    {
        var registry = new ScriptedRegistry(_ => Status(HttpStatusCode.ServiceUnavailable, """{"errors":[{"code":"UNAVAILABLE","message":"storage is read-only"}]}"""));
        using var client = Client(registry);
        var e = await Assert.ThrowsAsync<RegistryException>(() => client.GetManifestAsync("acme/api", "1.2.3", default));
        Assert.Equal("localhost:5999/acme: fetching localhost:5999/acme/api:1.2.3 failed with HTTP 503 Service Unavailable: UNAVAILABLE: storage is read-only.", e.Message);
        Assert.Equal(1 + RegistryRetries.MaxRetries, registry.Requests.Count);
    }

    [Fact]
    public async Task An_upload_that_cannot_be_repeated_is_sent_once()
    {
        var registry = new ScriptedRegistry(_ => Status(HttpStatusCode.ServiceUnavailable));
        using var client = Client(registry);
        await Assert.ThrowsAsync<RegistryException>(() => client.UploadBlobAsync("acme/api", Digest, new MemoryStream([1, 2, 3]), 3, default));
        Assert.Equal([HttpMethod.Post], registry.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task An_answer_that_is_not_transient_is_not_repeated()
    {
        var registry = new ScriptedRegistry(_ => Status(HttpStatusCode.BadRequest));
        using var client = Client(registry);
        await Assert.ThrowsAsync<RegistryException>(() => client.ResolveAsync("acme/api", "1.2.3", default));
        Assert.Single(registry.Requests);
    }
}
