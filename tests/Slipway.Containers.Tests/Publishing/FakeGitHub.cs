using System.Net;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;
using Slipway.Tests.Shared;

namespace Slipway.Containers.Tests.Publishing;

/// <summary>
/// A loopback HTTP server answering the release endpoints as GitHub Enterprise's REST API documents them (under
/// /api/v3, uploads under /api/uploads with the upload_url template), keeping releases and assets in memory and
/// recording every request, so tests see what Octokit sent and in which order.
/// </summary>
public sealed class FakeGitHub : IDisposable
{
    public const string Token = "ghp_test_token_0123456789";

    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly object _gate = new();
    private long _nextId = 100;

    public List<JsonObject> Releases { get; } = [];
    public Dictionary<long, List<(JsonObject Asset, byte[] Content, bool WhileDraft)>> Assets { get; } = [];
    public List<string> Requests { get; } = [];
    public List<JsonObject> Bodies { get; } = [];

    public Uri BaseAddress { get; }

    public FakeGitHub(string owner, string repo)
    {
        Owner = owner;
        Repo = repo;
        var port = FreePort.Pick();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseAddress.ToString());
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Owner { get; }
    public string Repo { get; }

    /// <summary>Adds a release as if made earlier (e.g. a draft left by a failed run).</summary>
    public JsonObject Seed(string tag, bool draft)
    {
        lock (_gate)
        {
            var release = NewRelease(new JsonObject { ["tag_name"] = tag, ["name"] = tag, ["body"] = "old", ["draft"] = draft, ["prerelease"] = false });
            return release;
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            try
            {
                Handle(context);
            }
            catch (Exception e)
            {
                Respond(context.Response, 500, new JsonObject { ["message"] = e.Message });
            }
        }
    }

    private void Handle(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url!.AbsolutePath;
        lock (_gate) Requests.Add($"{request.HttpMethod} {path}");
        var auth = request.Headers["Authorization"] ?? "";
        if (!auth.EndsWith(" " + Token, StringComparison.Ordinal) || !(auth.StartsWith("token ", StringComparison.OrdinalIgnoreCase) || auth.StartsWith("bearer ", StringComparison.OrdinalIgnoreCase)))
        {
            Respond(context.Response, 401, new JsonObject { ["message"] = "Bad credentials", ["documentation_url"] = "https://docs.github.com/rest" });
            return;
        }

        var api = $"/api/v3/repos/{Owner}/{Repo}/releases";
        var uploads = $"/api/uploads/repos/{Owner}/{Repo}/releases/";
        var segments = path.StartsWith(api, StringComparison.Ordinal) ? path[api.Length..].Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries) : null;
        lock (_gate)
        {
            switch (request.HttpMethod, segments)
            {
                case ("GET", []):
                    Respond(context.Response, 200, new JsonArray(Releases.Select(r => (JsonNode)r.DeepClone()).ToArray()));
                    return;
                case ("POST", []):
                    var created = NewRelease(ReadJson(request));
                    Respond(context.Response, 201, created.DeepClone());
                    return;
                case ("PATCH", [var id]):
                    var release = Find(long.Parse(id));
                    if (release is null) { NotFound(context.Response); return; }
                    foreach (var (key, value) in ReadJson(request))
                        if (key is "name" or "body" or "draft" or "prerelease" or "tag_name" or "make_latest") release[key] = value?.DeepClone();
                    Respond(context.Response, 200, release.DeepClone());
                    return;
                case ("GET", [var id, "assets"]):
                    Respond(context.Response, 200, new JsonArray(Assets.GetValueOrDefault(long.Parse(id), []).Select(a => (JsonNode)a.Asset.DeepClone()).ToArray()));
                    return;
                case ("DELETE", ["assets", var assetId]):
                    var removed = Assets.Values.Sum(list => list.RemoveAll(a => a.Asset["id"]!.GetValue<long>() == long.Parse(assetId)));
                    if (removed == 0) NotFound(context.Response);
                    else Respond(context.Response, 204, null);
                    return;
            }
        }

        if (request.HttpMethod == "POST" && path.StartsWith(uploads, StringComparison.Ordinal) && path.EndsWith("/assets", StringComparison.Ordinal))
        {
            var releaseId = long.Parse(path[uploads.Length..^"/assets".Length]);
            var name = request.QueryString["name"];
            using var buffer = new MemoryStream();
            request.InputStream.CopyTo(buffer);
            lock (_gate)
            {
                var release = Find(releaseId);
                if (release is null || string.IsNullOrEmpty(name) || string.IsNullOrEmpty(request.ContentType)) { Respond(context.Response, 422, new JsonObject { ["message"] = "Validation Failed" }); return; }
                var list = Assets.GetValueOrDefault(releaseId) ?? (Assets[releaseId] = []);
                if (list.Any(a => a.Asset["name"]!.GetValue<string>() == name))
                {
                    Respond(context.Response, 422, new JsonObject { ["message"] = "Validation Failed", ["errors"] = new JsonArray(new JsonObject { ["resource"] = "ReleaseAsset", ["code"] = "already_exists", ["field"] = "name" }) });
                    return;
                }
                var asset = new JsonObject
                {
                    ["id"] = _nextId++, ["url"] = $"{BaseAddress}api/v3/repos/{Owner}/{Repo}/releases/assets/{_nextId}",
                    ["browser_download_url"] = $"{BaseAddress}{Owner}/{Repo}/releases/download/{release["tag_name"]}/{name}",
                    ["name"] = name, ["label"] = "", ["state"] = "uploaded", ["content_type"] = request.ContentType,
                    ["size"] = buffer.Length, ["download_count"] = 0, ["created_at"] = "2026-01-01T00:00:00Z", ["updated_at"] = "2026-01-01T00:00:00Z",
                };
                list.Add((asset, buffer.ToArray(), release["draft"]!.GetValue<bool>()));
                Respond(context.Response, 201, asset.DeepClone());
            }
            return;
        }
        NotFound(context.Response);
    }

    private JsonObject NewRelease(JsonObject input)
    {
        var id = _nextId++;
        var release = new JsonObject
        {
            ["id"] = id,
            ["url"] = $"{BaseAddress}api/v3/repos/{Owner}/{Repo}/releases/{id}",
            ["html_url"] = $"{BaseAddress}{Owner}/{Repo}/releases/tag/{input["tag_name"]}",
            ["assets_url"] = $"{BaseAddress}api/v3/repos/{Owner}/{Repo}/releases/{id}/assets",
            ["upload_url"] = $"{BaseAddress}api/uploads/repos/{Owner}/{Repo}/releases/{id}/assets{{?name,label}}",
            ["tarball_url"] = null, ["zipball_url"] = null,
            ["tag_name"] = input["tag_name"]?.DeepClone(), ["target_commitish"] = "main",
            ["name"] = input["name"]?.DeepClone(), ["body"] = input["body"]?.DeepClone(),
            ["draft"] = input["draft"]?.GetValue<bool>() ?? false, ["prerelease"] = input["prerelease"]?.GetValue<bool>() ?? false,
            ["created_at"] = "2026-01-01T00:00:00Z", ["published_at"] = null,
            ["author"] = new JsonObject { ["login"] = "slipway-bot", ["id"] = 1, ["type"] = "Bot" },
            ["assets"] = new JsonArray(),
        };
        Releases.Add(release);
        return release;
    }

    private JsonObject? Find(long id) => Releases.FirstOrDefault(r => r["id"]!.GetValue<long>() == id);

    private JsonObject ReadJson(HttpListenerRequest request)
    {
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var body = JsonNode.Parse(reader.ReadToEnd())!.AsObject();
        Bodies.Add((JsonObject)body.DeepClone());
        return body;
    }

    private static void NotFound(HttpListenerResponse response) =>
        Respond(response, 404, new JsonObject { ["message"] = "Not Found", ["documentation_url"] = "https://docs.github.com/rest" });

    private static void Respond(HttpListenerResponse response, int status, JsonNode? body)
    {
        response.StatusCode = status;
        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body.ToJsonString(new JsonSerializerOptions()));
            response.ContentType = "application/json; charset=utf-8";
            response.ContentLength64 = bytes.Length;
            response.OutputStream.Write(bytes);
        }
        response.Close();
    }

    public void Dispose()
    {
        // Close alone: Stop then Close unregisters the port twice, and the second time .NET's managed listener binds
        // the port again to look it up, failing with "Address already in use" when another test has taken it meanwhile.
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
