using Slipway.Containers.Smoke.Suite;

namespace Slipway.Containers.Tests.Smoke;

/// <summary>Which services a check reaches, so that it can begin once they are up.</summary>
public class SuiteServicesTests
{
    private static readonly string[] Services = ["proxy", "api", "db"];

    private static SmokeCheck Check(params SmokeAction[] actions) =>
        new("c", TimeSpan.FromSeconds(5), actions.Select((a, i) => new SmokeStep($"s{i}", a, new Expectations(), new Dictionary<string, string>())).ToList());

    private static HttpAction Get(string url) => new("GET", url, new Dictionary<string, string>(), null);

    [Fact]
    public void Every_step_adds_the_service_it_reaches() =>
        Assert.Equal(["api", "db", "proxy"],
            SuiteServices.Named(Check(Get("http://proxy:8080/healthz"), new TcpAction("db", 5432), new ExecAction("api", ["true"])), Services).Order());

    [Fact]
    public void An_http_host_that_is_not_a_service_reaches_none() =>
        Assert.Empty(SuiteServices.Named(Check(Get("http://127.0.0.1:9000/")), Services));

    [Fact]
    public void A_templated_path_still_names_its_host() =>
        Assert.Equal(["api"], SuiteServices.Named(Check(Get("http://api:8080/items/${id}")), Services));

    [Fact]
    public void A_url_that_does_not_parse_waits_for_every_service() =>
        Assert.Equal(Services.Order(), SuiteServices.Named(Check(Get("${base}/healthz")), Services).Order());
}
