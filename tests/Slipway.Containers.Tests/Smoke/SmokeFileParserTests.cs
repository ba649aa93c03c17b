using Slipway.Containers.Smoke.Suite;

namespace Slipway.Containers.Tests.Smoke;

public sealed class SmokeFileParserTests
{
    private static SmokeSuite Parse(string yaml) => SmokeFileParser.Parse("stack/smoke.yaml", yaml);

    private static string Error(string yaml) => Assert.Throws<SmokeFileException>(() => Parse(yaml)).Message;

    [Fact]
    public void Single_step_checks_of_each_kind_are_read_with_their_expectations()
    {
        var suite = Parse("""
            timeout: 20s
            checks:
              - name: health
                http:
                  url: http://proxy:8080/healthz
                  headers: {Accept: text/plain}
                expect:
                  status: [200, 204]
                  headers: {Content-Type: text/plain}
                  body_contains: ok
                  json: {$.status: up}
                  latency: 500ms
              - name: port
                timeout: 2m
                tcp: {service: cache, port: 6379}
              - name: ready
                exec: {service: db, command: [pg_isready, -q]}
                expect: {output_contains: [accepting, connections]}
              - name: shell
                exec: {service: db, command: echo hi}
            """);

        Assert.Equal(["health", "port", "ready", "shell"], suite.Checks.Select(c => c.Name));
        var health = suite.Checks[0];
        Assert.Equal(TimeSpan.FromSeconds(20), health.Timeout);
        var http = Assert.IsType<HttpAction>(Assert.Single(health.Steps).Action);
        Assert.Equal(("GET", "http://proxy:8080/healthz", null), (http.Method, http.Url, http.Body));
        Assert.Equal("text/plain", http.Headers["Accept"]);
        var expect = health.Steps[0].Expect;
        Assert.Equal([200, 204], expect.Status);
        Assert.Equal("text/plain", expect.Headers["Content-Type"]);
        Assert.Equal(["ok"], expect.Contains);
        Assert.Equal("up", expect.Json["$.status"]);
        Assert.Equal(TimeSpan.FromMilliseconds(500), expect.Latency);

        Assert.Equal(TimeSpan.FromMinutes(2), suite.Checks[1].Timeout);
        Assert.Equal(new TcpAction("cache", 6379), suite.Checks[1].Steps[0].Action);
        Assert.Equal(["pg_isready", "-q"], Assert.IsType<ExecAction>(suite.Checks[2].Steps[0].Action).Command);
        Assert.Equal(["accepting", "connections"], suite.Checks[2].Steps[0].Expect.Contains);
        Assert.Equal(["sh", "-c", "echo hi"], Assert.IsType<ExecAction>(suite.Checks[3].Steps[0].Action).Command);
    }

    [Fact]
    public void Steps_capture_values_that_later_steps_use()
    {
        var suite = Parse("""
            checks:
              - name: round trip
                steps:
                  - name: create
                    http: {method: POST, url: http://api:8080/items, body: '{"name":"x-${run}"}'}
                    expect: {status: 201}
                    capture: {id: $.id}
                  - http: {method: DELETE, url: 'http://api:8080/items/${id}'}
            """);

        var check = Assert.Single(suite.Checks);
        Assert.Equal(SmokeFileParser.DefaultTimeout, check.Timeout);
        Assert.Equal(["create", "step 2"], check.Steps.Select(s => s.Name));
        Assert.Equal("$.id", check.Steps[0].Captures["id"]);
        Assert.Equal("http://api:8080/items/${id}", ((HttpAction)check.Steps[1].Action).Url);
    }

    [Theory]
    [InlineData("checks: [", "stack/smoke.yaml: not valid YAML at line")]
    [InlineData("", "stack/smoke.yaml: the file is empty")]
    [InlineData("- a\n- b", "stack/smoke.yaml: expected a mapping, got a list.")]
    [InlineData("checks: []", "stack/smoke.yaml: field 'checks': is required")]
    [InlineData("check: []", "stack/smoke.yaml: field 'check': unknown field; expected one of timeout, checks.")]
    [InlineData("timeout: soon\nchecks: []", "stack/smoke.yaml: field 'timeout': expected a duration such as 500ms, 30s or 2m, got 'soon'.")]
    [InlineData("checks:\n  - http: {url: http://a/}", "stack/smoke.yaml: check '#1': field 'name': is required")]
    [InlineData("checks:\n  - name: a\n    http: {url: http://a/}\n  - name: a\n    tcp: {service: a, port: 1}", "check 'a': field 'name': two checks have this name")]
    [InlineData("checks:\n  - name: a", "check 'a': expected one of http, tcp or exec.")]
    [InlineData("checks:\n  - name: a\n    http: {url: http://a/}\n    tcp: {service: a, port: 1}", "check 'a': field 'tcp': a step has exactly one of http, tcp or exec (this one also has http).")]
    [InlineData("checks:\n  - name: a\n    htp: {url: http://a/}", "check 'a': field 'htp': unknown field")]
    [InlineData("checks:\n  - name: a\n    http: {url: /healthz}", "check 'a': field 'http.url': expected an absolute http:// or https:// URL, got '/healthz'.")]
    [InlineData("checks:\n  - name: a\n    http: {url: http://a/, method: get}", "check 'a': field 'http.method': expected an HTTP method in capitals")]
    [InlineData("checks:\n  - name: a\n    http: {url: http://a/, headers: [x]}", "check 'a': field 'http.headers': expected a mapping, got a list.")]
    [InlineData("checks:\n  - name: a\n    http: {url: http://a/}\n    expect: {status: ok}", "check 'a': field 'expect.status': expected an HTTP status code (100-599), got 'ok'.")]
    [InlineData("checks:\n  - name: a\n    http: {url: http://a/}\n    expect: {status: [200, 99]}", "check 'a': field 'expect.status[1]': expected an HTTP status code (100-599), got '99'.")]
    [InlineData("checks:\n  - name: a\n    http: {url: http://a/}\n    expect: {json: {status: up}}", "check 'a': field 'expect.json.status': expected a JSONPath starting with '$'.")]
    [InlineData("checks:\n  - name: a\n    http: {url: http://a/}\n    expect: {latency: fast}", "check 'a': field 'expect.latency': expected a duration")]
    [InlineData("checks:\n  - name: a\n    http: {url: http://a/}\n    expect: {output_contains: x}", "check 'a': field 'expect.output_contains': unknown field; expected one of status, headers, body_contains, json, latency.")]
    [InlineData("checks:\n  - name: a\n    tcp: {service: cache}", "check 'a': field 'tcp.port': is required")]
    [InlineData("checks:\n  - name: a\n    tcp: {service: cache, port: 70000}", "check 'a': field 'tcp.port': expected a port (1-65535), got '70000'.")]
    [InlineData("checks:\n  - name: a\n    exec: {command: [true]}", "check 'a': field 'exec.service': is required")]
    [InlineData("checks:\n  - name: a\n    exec: {service: db, command: [[x]]}", "check 'a': field 'exec.command[0]': expected a string, got a list.")]
    [InlineData("checks:\n  - name: a\n    exec: {service: db, command: [x]}\n    capture: {v: $.v}", "check 'a': field 'capture': only http steps capture values")]
    [InlineData("checks:\n  - name: a\n    http: {url: http://a/}\n    capture: {1v: $.v}", "check 'a': field 'capture.1v': a capture's name is letters")]
    [InlineData("checks:\n  - name: a\n    http: {url: 'http://a/${id}'}", "check 'a': field 'http.url': '${id}' is neither built in (run) nor captured by an earlier step.")]
    [InlineData("checks:\n  - name: a\n    steps: []", "check 'a': field 'steps': expected at least one step.")]
    [InlineData("checks:\n  - name: a\n    steps:\n      - http: {url: http://a/}\n    expect: {status: 200}", "check 'a': field 'expect': a check has either 'steps' or a single http/tcp/exec, not both.")]
    [InlineData("checks:\n  - name: a\n    steps:\n      - http: {url: http://a/}\n        capture: {id: $.id}\n      - http: {url: http://a/}\n        expect: {json: {$.id: '${idd}'}}",
        "check 'a': field 'steps[1].expect.json.$.id': '${idd}' is neither built in (run) nor captured by an earlier step (captured so far: id).")]
    public void Malformed_files_name_the_file_the_check_and_the_field(string yaml, string expected)
    {
        var message = Error(yaml);
        Assert.Contains(expected, message);
        Assert.StartsWith("stack/smoke.yaml: ", message);
    }

    [Fact]
    public void A_capture_is_not_visible_to_the_step_that_makes_it_or_to_other_checks()
    {
        Assert.Contains("field 'http.url': '${id}'", Error("""
            checks:
              - name: a
                http: {url: 'http://a/${id}'}
                capture: {id: $.id}
            """));
        Assert.Contains("check 'b': field 'http.url': '${id}'", Error("""
            checks:
              - name: a
                steps:
                  - http: {url: http://a/}
                    capture: {id: $.id}
              - name: b
                http: {url: 'http://a/${id}'}
            """));
    }

    [Fact]
    public void A_missing_file_is_named_with_how_to_give_one()
    {
        var message = Assert.Throws<SmokeFileException>(() => SmokeFileParser.Load("/nonexistent/smoke.yaml")).Message;
        Assert.StartsWith("/nonexistent/smoke.yaml: the smoke file does not exist", message);
        Assert.Contains("--smoke-file", message);
    }

    [Fact]
    public void The_readme_example_and_the_reference_stack_suite_are_valid()
    {
        var root = Slipway.Tests.Shared.RepositoryRoot.Find();
        var readme = File.ReadAllText(Path.Combine(root, "src", "Slipway.Containers", "Smoke", "README.md"));
        var start = readme.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        var example = SmokeFileParser.Parse("README.md", readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)]);
        Assert.Equal(4, example.Checks.Count);

        var reference = SmokeFileParser.Load(Path.Combine(root, "src", "ReferenceStack", "smoke.yaml"));
        Assert.Equal(6, reference.Checks.Count);
    }

    [Fact]
    public void Unknown_services_in_tcp_and_exec_steps_are_named_with_the_stack_services()
    {
        var suite = Parse("""
            checks:
              - name: ok
                http: {url: http://example:1/}
              - name: db
                steps:
                  - http: {url: http://api:8080/}
                  - exec: {service: dbb, command: [true]}
            """);
        var message = Assert.Throws<SmokeFileException>(() => SuiteServices.Check(suite, ["api", "db"])).Message;
        Assert.Equal("stack/smoke.yaml: check 'db': field 'steps[1].exec.service': 'dbb' is not a service of the stack (its services: api, db).", message);
    }
}
