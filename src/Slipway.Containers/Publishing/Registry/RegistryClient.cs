using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Polly;

namespace Slipway.Containers.Publishing.Registry;

/// <summary>
/// The few calls of the OCI distribution API that promotion needs: resolve a tag, fetch a manifest, put a manifest
/// under a tag or its digest, check and upload a blob. Authenticates as registries ask in their 401 challenge: Basic (distribution with htpasswd) or
/// Bearer with a token from the realm (ghcr.io, Docker Hub).
/// </summary>
public sealed class RegistryClient : IDisposable
{
    private readonly RegistryAddress _address;
    private readonly RegistryCredentials? _credentials;
    private readonly HttpClient _http;
    private AuthenticationHeaderValue? _basic;
    private readonly Dictionary<string, AuthenticationHeaderValue> _tokens = [];
    private readonly ResiliencePipeline<HttpResponseMessage> _retries;

    /// <param name="firstRetryDelay">The first wait before an idempotent request is sent again (default 500 ms, then doubling).</param>
    public RegistryClient(RegistryAddress address, RegistryCredentials? credentials, HttpMessageHandler? handler = null, TimeSpan? firstRetryDelay = null)
    {
        _address = address;
        _credentials = credentials;
        _retries = RegistryRetries.Pipeline(firstRetryDelay ?? TimeSpan.FromMilliseconds(500));
        _http = new HttpClient(handler ?? new SocketsHttpHandler(), disposeHandler: true) { BaseAddress = address.ApiBase, Timeout = TimeSpan.FromMinutes(2) };
    }

    /// <summary>The digest a tag or digest resolves to, or null when the registry has no such manifest.</summary>
    public async Task<string?> ResolveAsync(string repository, string reference, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(repository, () => ManifestRequest(HttpMethod.Head, repository, reference), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        await EnsureSuccess(response, $"resolving {Describe(repository, reference)}", cancellationToken);
        return response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.First()
            : (await GetManifestAsync(repository, reference, cancellationToken))?.Digest;
    }

    /// <summary>The manifest or index under a tag or digest, byte for byte; null when there is none.</summary>
    public async Task<Manifest?> GetManifestAsync(string repository, string reference, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(repository, () => ManifestRequest(HttpMethod.Get, repository, reference), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        await EnsureSuccess(response, $"fetching {Describe(repository, reference)}", cancellationToken);
        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var mediaType = response.Content.Headers.ContentType?.MediaType
                        ?? throw new RegistryException($"{Describe(repository, reference)}: the registry sent a manifest without a Content-Type.");
        var manifest = new Manifest(content, mediaType);
        if (reference.StartsWith("sha256:", StringComparison.Ordinal) && manifest.Digest != reference)
            throw new RegistryException($"{Describe(repository, reference)}: the registry sent content whose digest is {manifest.Digest}.");
        return manifest;
    }

    /// <summary>Stores the manifest under <paramref name="tag"/> (a tag, or its own digest to store it untagged), unchanged, so the tag names the same digest.</summary>
    public async Task PutManifestAsync(string repository, string tag, Manifest manifest, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(repository, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Put, $"v2/{repository}/manifests/{tag}") { Content = new ByteArrayContent(manifest.Content) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(manifest.MediaType);
            return request;
        }, cancellationToken);
        await EnsureSuccess(response, $"storing {Describe(repository, tag)}", cancellationToken);
        if (response.Headers.TryGetValues("Docker-Content-Digest", out var values) && values.First() != manifest.Digest)
            throw new RegistryException($"{Describe(repository, tag)}: the registry stored {values.First()} instead of {manifest.Digest}.");
    }

    /// <summary>Whether the repository holds the blob (a layer or config).</summary>
    public async Task<bool> BlobExistsAsync(string repository, string digest, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(repository, () => new HttpRequestMessage(HttpMethod.Head, $"v2/{repository}/blobs/{digest}"), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return false;
        await EnsureSuccess(response, $"checking blob {Describe(repository, digest)}", cancellationToken);
        return true;
    }

    /// <summary>
    /// Uploads a blob in one request (POST for an upload session, then PUT of the content with its digest); the registry
    /// checks the digest. The session's POST answers any login challenge first, so the content, which can be read only once, is sent once.
    /// </summary>
    public async Task UploadBlobAsync(string repository, string digest, Stream content, long length, CancellationToken cancellationToken)
    {
        Uri location;
        using (var session = await SendAsync(repository, () => new HttpRequestMessage(HttpMethod.Post, $"v2/{repository}/blobs/uploads/"), cancellationToken, idempotent: false))
        {
            await EnsureSuccess(session, $"starting the upload of {Describe(repository, digest)}", cancellationToken);
            location = session.Headers.Location is { } l
                ? new Uri(_address.ApiBase, l)
                : throw new RegistryException($"{Describe(repository, digest)}: the registry started an upload without a Location.");
        }

        var target = new UriBuilder(location);
        target.Query = (target.Query.Length > 1 ? target.Query[1..] + "&" : "") + "digest=" + Uri.EscapeDataString(digest);
        using var response = await SendAsync(repository, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Put, target.Uri) { Content = new StreamContent(new UnclosedStream(content)) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            request.Content.Headers.ContentLength = length;
            return request;
        }, cancellationToken, idempotent: false);
        await EnsureSuccess(response, $"uploading {Describe(repository, digest)}", cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    private string Describe(string repository, string reference) =>
        $"{_address.Host}/{repository}{(reference.StartsWith("sha256:", StringComparison.Ordinal) ? "@" : ":")}{reference}";

    private static HttpRequestMessage ManifestRequest(HttpMethod method, string repository, string reference)
    {
        var request = new HttpRequestMessage(method, $"v2/{repository}/manifests/{reference}");
        foreach (var type in Manifest.MediaTypes) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        return request;
    }

    /// <summary>Sends, and on a 401 answers the challenge and sends again (requests are built anew: one cannot be sent twice).</summary>
    private async Task<HttpResponseMessage> SendAsync(string repository, Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken, bool idempotent = true)
    {
        var response = await SendOnceAsync(createRequest, repository, idempotent, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized) return response;

        var challenge = response.Headers.WwwAuthenticate.FirstOrDefault();
        response.Dispose();
        if (challenge is null) throw new RegistryException($"{_address}: the registry answered 401 without a WWW-Authenticate challenge.");
        await AuthenticateAsync(challenge, repository, cancellationToken);
        response = await SendOnceAsync(createRequest, repository, idempotent, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            response.Dispose();
            throw new RegistryException(_credentials is null
                ? $"{_address} requires a login: give --registry-username and --registry-password."
                : $"{_address} rejected the login of '{_credentials.Username}' (HTTP 401): check --registry-username and --registry-password.");
        }
        return response;
    }

    /// <summary>Sends one request; an idempotent one again through <see cref="RegistryRetries"/> while the registry has a bad moment.</summary>
    private async Task<HttpResponseMessage> SendOnceAsync(Func<HttpRequestMessage> createRequest, string repository, bool idempotent, CancellationToken cancellationToken)
    {
        async ValueTask<HttpResponseMessage> Send(CancellationToken token)
        {
            using var request = createRequest();
            request.Headers.Authorization = _tokens.GetValueOrDefault(repository) ?? _basic;
            return await _http.SendAsync(request, token);
        }

        try
        {
            return idempotent ? await _retries.ExecuteAsync(Send, cancellationToken) : await Send(cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new RegistryException($"{_address} is unreachable at {_address.ApiBase}: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RegistryException($"{_address} did not answer within {_http.Timeout.TotalSeconds:0} s.", e);
        }
    }

    private async Task AuthenticateAsync(AuthenticationHeaderValue challenge, string repository, CancellationToken cancellationToken)
    {
        var basic = _credentials is null ? null
            : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_credentials.Username}:{_credentials.Password}")));
        if (challenge.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            _basic = basic ?? throw new RegistryException($"{_address} requires a login: give --registry-username and --registry-password.");
            return;
        }
        if (!challenge.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
            throw new RegistryException($"{_address} asks for '{challenge.Scheme}' authentication; Basic and Bearer are supported.");

        var parameters = ChallengeParameters(challenge.Parameter ?? "");
        var realm = parameters.GetValueOrDefault("realm") ?? throw new RegistryException($"{_address}: the Bearer challenge has no realm.");
        var query = new List<string>();
        if (parameters.GetValueOrDefault("service") is { } service) query.Add("service=" + Uri.EscapeDataString(service));
        // Ask for push as well as pull up front, so one token serves the whole promotion of a repository.
        query.Add("scope=" + Uri.EscapeDataString($"repository:{repository}:pull,push"));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{realm}?{string.Join('&', query)}");
        request.Headers.Authorization = basic;
        using var response = await _http.SendAsync(request, cancellationToken);
        await EnsureSuccess(response, $"getting a token from {realm}", cancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var token = (json.RootElement.TryGetProperty("token", out var t) ? t : json.RootElement.GetProperty("access_token")).GetString();
        _tokens[repository] = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>Parses <c>realm="…",service="…",scope="…"</c>.</summary>
    private static Dictionary<string, string> ChallengeParameters(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i < text.Length)
        {
            var equals = text.IndexOf('=', i);
            if (equals < 0) break;
            var key = text[i..equals].Trim(' ', ',');
            string value;
            if (equals + 1 < text.Length && text[equals + 1] == '"')
            {
                var close = text.IndexOf('"', equals + 2);
                if (close < 0) close = text.Length;
                value = text[(equals + 2)..close];
                i = close + 1;
            }
            else
            {
                var comma = text.IndexOf(',', equals);
                if (comma < 0) comma = text.Length;
                value = text[(equals + 1)..comma];
                i = comma + 1;
            }
            result[key] = value;
        }
        return result;
    }

    /// <summary>Turns a failure into an error with the registry's own words (distribution's <c>errors[].message</c>).</summary>
    private async Task EnsureSuccess(HttpResponseMessage response, string action, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var body = response.Content is null ? "" : await response.Content.ReadAsStringAsync(cancellationToken);
        var detail = body;
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("errors", out var errors))
                detail = string.Join("; ", errors.EnumerateArray().Select(e => $"{e.GetProperty("code").GetString()}: {e.GetProperty("message").GetString()}"));
        }
        catch (JsonException)
        {
            // Not distribution's error document: the raw text is the best explanation there is.
        }
        throw new RegistryException($"{_address}: {action} failed with HTTP {(int)response.StatusCode} {response.ReasonPhrase}{(detail.Length > 0 ? ": " + detail.Trim() : "")}.");
    }
}
