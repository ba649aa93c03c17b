using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using System.Text;
using Serilog.Core;
using Serilog.Events;
using Serilog;
using Slipway.Containers.Scanning.Advisories;
using Slipway.Containers.Tests.Scanning.Support;
using Slipway.Tests.Shared;

namespace Slipway.Containers.Tests.Scanning.Advisories;

public sealed class OsvApiClientTests : IDisposable
{
    private readonly List<string> _log = [];
    private readonly ILogger _logger;
    private readonly HttpListener _listener = new();
    private readonly Uri _endpoint;

    public OsvApiClientTests()
    {
        _logger = new LoggerConfiguration().WriteTo.Sink(new ListSink(_log)).CreateLogger();
        _endpoint = new Uri($"http://127.0.0.1:{FreePort.Pick()}/");
        _listener.Prefixes.Add(_endpoint.ToString());
        _listener.Start();
    }

    public void Dispose() => _listener.Close();

    [Fact]
    public async Task Queries_by_purl_in_a_batch_then_fetches_each_advisory()
    {
        var requests = new List<(string Method, string Path, string Body)>();
        var server = Task.Run(async () =>
        {
            for (var i = 0; i < 2; i++)
            {
                var context = await _listener.GetContextAsync();
                var body = await new StreamReader(context.Request.InputStream).ReadToEndAsync();
                requests.Add((context.Request.HttpMethod, context.Request.Url!.AbsolutePath, body));
                var answer = context.Request.Url.AbsolutePath == "/v1/querybatch"
                    ? """{ "results": [ { "vulns": [ { "id": "GHSA-test", "modified": "2024-01-01T00:00:00Z" } ] }, {} ] }"""
                    : """{ "id": "GHSA-test", "affected": [ { "package": { "ecosystem": "NuGet", "name": "Npgsql" }, "ranges": [ { "type": "ECOSYSTEM", "events": [ { "introduced": "0" }, { "fixed": "10.0.4" } ] } ] } ] }""";
                var bytes = Encoding.UTF8.GetBytes(answer);
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        });
        using var http = OsvApiClient.CreateHttpClient(_endpoint);

        var advisories = await new OsvApiClient(http, _logger).QueryAsync([Inventories.NuGet("Npgsql", "10.0.3"), Inventories.Deb("zlib1g", "1:1.2.13.dfsg-1")], default);
        await server;

        Assert.NotNull(advisories);
        Assert.Equal("GHSA-test", Assert.Single(advisories).Id);
        Assert.Equal(("POST", "/v1/querybatch"), (requests[0].Method, requests[0].Path));
        var queries = JsonNode.Parse(requests[0].Body)!["queries"]!.AsArray().Select(q => (string)q!["package"]!["purl"]!).ToList();
        Assert.Equal(["pkg:nuget/Npgsql@10.0.3", "pkg:deb/debian/zlib1g@1%3A1.2.13.dfsg-1?arch=amd64&distro=debian-12"], queries);
        Assert.Equal(("GET", "/v1/vulns/GHSA-test"), (requests[1].Method, requests[1].Path));
        Assert.Single(new AdvisoryMatcher(advisories).Match(Inventories.Image("api", Inventories.NuGet("Npgsql", "10.0.3"))));
    }

    [Fact]
    public async Task An_unreachable_api_gives_no_answer_and_a_log_line_quickly()
    {
        using var http = OsvApiClient.CreateHttpClient(new Uri($"http://127.0.0.1:{FreePort.Pick()}/"));
        var watch = Stopwatch.StartNew();

        var advisories = await new OsvApiClient(http, _logger).QueryAsync([Inventories.NuGet("Npgsql", "10.0.3")], default);

        Assert.Null(advisories);
        Assert.True(watch.Elapsed < OsvApiClient.ReachTimeout, $"took {watch.Elapsed}");
        Assert.Contains(_log, line => line.Contains("not reachable") && line.Contains("advisory directory only"));
    }

    [Fact]
    public async Task An_api_error_degrades_the_same_way()
    {
        var server = Task.Run(async () =>
        {
            var context = await _listener.GetContextAsync();
            context.Response.StatusCode = 503;
            context.Response.Close();
        });
        using var http = OsvApiClient.CreateHttpClient(_endpoint);

        Assert.Null(await new OsvApiClient(http, _logger).QueryAsync([Inventories.NuGet("Npgsql", "10.0.3")], default));
        await server;
        Assert.Contains(_log, line => line.Contains("503"));
    }

    private sealed class ListSink(List<string> lines) : ILogEventSink
    {
        public void Emit(LogEvent logEvent)
        {
            lock (lines) lines.Add(logEvent.RenderMessage());
        }
    }
}
