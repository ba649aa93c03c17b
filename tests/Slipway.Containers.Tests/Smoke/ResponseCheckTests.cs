using Slipway.Containers.Smoke.Running;
using Slipway.Containers.Smoke.Suite;

namespace Slipway.Containers.Tests.Smoke;

public sealed class ResponseCheckTests
{
    private static readonly IReadOnlyDictionary<string, string> NoCaptures = new Dictionary<string, string>();

    private static HttpObservation Response(int status = 200, string body = "", string? contentType = null, int milliseconds = 10) =>
        new(status, contentType is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Content-Type"] = contentType },
            body, TimeSpan.FromMilliseconds(milliseconds));

    private static IReadOnlyList<string> Problems(Expectations expect, HttpObservation response) =>
        ResponseCheck.Http(expect, NoCaptures, response).Problems;

    [Theory]
    [InlineData(200, true)]
    [InlineData(204, true)]
    [InlineData(299, true)]
    [InlineData(301, false)]
    [InlineData(503, false)]
    public void Without_a_status_any_2xx_passes(int status, bool passes)
    {
        var problems = Problems(new Expectations(), Response(status));
        Assert.Equal(passes, problems.Count == 0);
        if (!passes) Assert.Equal($"status {status}, expected 2xx", Assert.Single(problems));
    }

    [Fact]
    public void A_status_list_accepts_any_of_its_codes()
    {
        var expect = new Expectations { Status = [201, 409] };
        Assert.Empty(Problems(expect, Response(409)));
        Assert.Equal("status 200, expected 201 or 409", Assert.Single(Problems(expect, Response(200))));
    }

    [Fact]
    public void Headers_are_matched_by_name_case_insensitively_and_by_contained_value()
    {
        var expect = new Expectations { Headers = new Dictionary<string, string> { ["content-type"] = "text/html" } };
        Assert.Empty(Problems(expect, Response(contentType: "text/html; charset=utf-8")));
        Assert.Equal("header content-type is 'application/json', expected it to contain 'text/html'", Assert.Single(Problems(expect, Response(contentType: "application/json"))));
        Assert.Equal("header content-type is missing, expected it to contain 'text/html'", Assert.Single(Problems(expect, Response())));
    }

    [Fact]
    public void Body_must_contain_every_expected_text()
    {
        var expect = new Expectations { Contains = ["ok", "ready"] };
        Assert.Empty(Problems(expect, Response(body: "ok, ready")));
        Assert.Equal("body does not contain 'ready'", Assert.Single(Problems(expect, Response(body: "ok"))));
    }

    [Fact]
    public void Latency_over_budget_fails()
    {
        var expect = new Expectations { Latency = TimeSpan.FromMilliseconds(100) };
        Assert.Empty(Problems(expect, Response(milliseconds: 99)));
        Assert.Equal("took 250 ms, over the budget of 100 ms", Assert.Single(Problems(expect, Response(milliseconds: 250))));
    }

    [Theory]
    [InlineData("$.status", "up")]
    [InlineData("$.components.database", "up")]
    [InlineData("$.count", "3")]
    [InlineData("$.ratio", "0.50")]
    [InlineData("$.ok", "true")]
    [InlineData("$.missing", "null")]
    [InlineData("$.created", "2024-05-01T10:00:00+02:00")]
    [InlineData("$.items[1].name", "b")]
    [InlineData("$.items[?(@.name == 'b')].id", "2")]
    [InlineData("$.items[0]", """{"id":1,"name":"a"}""")]
    public void Json_paths_compare_as_the_json_text(string path, string expected)
    {
        const string body = """
            {"status": "up", "components": {"database": "up"}, "count": 3, "ratio": 0.50, "ok": true, "missing": null,
             "created": "2024-05-01T10:00:00+02:00", "items": [{"id": 1, "name": "a"}, {"id": 2, "name": "b"}]}
            """;
        Assert.Empty(Problems(new Expectations { Json = new Dictionary<string, string> { [path] = expected } }, Response(body: body)));
        Assert.Single(Problems(new Expectations { Json = new Dictionary<string, string> { [path] = expected + "x" } }, Response(body: body)));
    }

    [Fact]
    public void Json_problems_say_what_was_found()
    {
        var expect = new Expectations { Json = new Dictionary<string, string> { ["$.status"] = "up", ["$.nope"] = "1" } };
        Assert.Equal(["$.status is 'down', expected 'up'", "$.nope matches nothing, expected '1'"], Problems(expect, Response(body: """{"status":"down"}""")));
        Assert.Equal("the body is not JSON, so its JSONPath expectations and captures can't be read", Assert.Single(Problems(expect, Response(body: "<html>"))));
    }

    [Fact]
    public void Captures_take_values_by_json_path_and_a_missing_one_is_a_problem()
    {
        var (problems, captured) = ResponseCheck.Http(new Expectations(), new Dictionary<string, string> { ["id"] = "$.id" }, Response(body: """{"id": 42}"""));
        Assert.Empty(problems);
        Assert.Equal("42", captured["id"]);

        (problems, _) = ResponseCheck.Http(new Expectations(), new Dictionary<string, string> { ["id"] = "$.id" }, Response(body: "{}"));
        Assert.Equal("capture id: $.id matches nothing", Assert.Single(problems));
    }

    [Fact]
    public void Exec_needs_exit_zero_and_the_expected_output()
    {
        var expect = new Expectations { Contains = ["accepting connections"] };
        Assert.Empty(ResponseCheck.Exec(expect, 0, "127.0.0.1:5432 - accepting connections\n"));
        Assert.Equal(["exit code 2, expected 0", "output does not contain 'accepting connections'"], ResponseCheck.Exec(expect, 2, "no response\n"));
    }

    [Fact]
    public void Placeholders_are_filled_in_requests_and_expectations()
    {
        var step = new SmokeStep("s", new HttpAction("GET", "http://api/items/${id}", new Dictionary<string, string> { ["X-Run"] = "${run}" }, """{"id":${id}}"""),
            new Expectations { Contains = ["smoke-${run}"], Json = new Dictionary<string, string> { ["$.id"] = "${id}" }, Headers = new Dictionary<string, string> { ["X"] = "${run}" } },
            new Dictionary<string, string>());
        var rendered = StepRenderer.Render(step, new Dictionary<string, string> { ["id"] = "7", ["run"] = "r1" });
        var http = Assert.IsType<HttpAction>(rendered.Action);
        Assert.Equal(("http://api/items/7", "r1", """{"id":7}"""), (http.Url, http.Headers["X-Run"], http.Body));
        Assert.Equal(["smoke-r1"], rendered.Expect.Contains);
        Assert.Equal("7", rendered.Expect.Json["$.id"]);
        Assert.Equal("r1", rendered.Expect.Headers["X"]);
    }
}
