using Slipway.Containers.Smoke.Suite;
using Slipway.GlobalTool.Smoke;

namespace Slipway.GlobalTool.Tests;

/// <summary>The starter smoke checks derived from compose's resolved stack, and the file they are written to.</summary>
public sealed class StarterSmokeTests
{
    private readonly StarterSmoke _smoke = StarterSmoke.Derive(Stacks.Load(Stacks.Mixed));

    [Fact]
    public void Each_published_tcp_port_gets_a_tcp_check_of_its_container_port_and_the_healthcheck_is_then_not_used()
    {
        var web = _smoke.Checks.Where(c => c.Service == "web").ToList();
        Assert.Equal([("web accepts connections on 80", 80), ("web accepts connections on 9090", 9090)],
            web.Cast<StarterCheck.Tcp>().Select(c => (c.Name, c.Port)));
    }

    [Fact]
    public void A_service_without_a_published_port_runs_its_healthcheck_as_an_exec_check()
    {
        var cache = Assert.IsType<StarterCheck.Exec>(Assert.Single(_smoke.Checks, c => c.Service == "cache"));
        Assert.Equal(["redis-cli", "ping"], cache.Arguments);
        Assert.Null(cache.ShellLine);

        var db = Assert.IsType<StarterCheck.Exec>(Assert.Single(_smoke.Checks, c => c.Service == "db"));
        Assert.Null(db.Arguments);
        Assert.Equal("pg_isready -U app", db.ShellLine);
    }

    [Fact]
    public void Compose_escaped_dollars_become_the_dollars_the_container_sees()
    {
        var check = Assert.IsType<StarterCheck.Exec>(Assert.Single(_smoke.Checks, c => c.Service == "dollars"));
        Assert.Equal("test -n \"$HOME\"", check.ShellLine);
    }

    [Theory]
    [InlineData("dns", "publishes only UDP ports and has no healthcheck")]
    [InlineData("job", "publishes no port and has no healthcheck")]
    [InlineData("worker", "publishes no port and its healthcheck is disabled")]
    [InlineData("off", "publishes no port and its healthcheck is disabled")]
    [InlineData("image-health", "publishes no port and its healthcheck's command comes from the image, which compose does not show")]
    [InlineData("vars", "publishes no port and its healthcheck uses ${…}, which a smoke file reads as its own variable")]
    public void Services_with_nothing_that_surely_passes_are_listed_with_the_reason(string service, string reason)
    {
        Assert.DoesNotContain(_smoke.Checks, c => c.Service == service);
        Assert.Equal(reason, Assert.Single(_smoke.Unchecked, u => u.Service == service).Reason);
    }

    [Fact]
    public void The_written_file_is_a_valid_smoke_file_with_exactly_the_derived_checks()
    {
        var text = StarterSmokeYaml.Write(_smoke, ["compose.yaml"]);

        var suite = SmokeFileParser.Parse("smoke.yaml", text);
        Assert.Equal(_smoke.Checks.Select(c => c.Name), suite.Checks.Select(c => c.Name));
        var db = suite.Checks.Single(c => c.Name == "db passes its healthcheck").Steps.Single().Action;
        Assert.Equal(new[] { "sh", "-c", "pg_isready -U app" }, Assert.IsType<ExecAction>(db).Command);
        var web = suite.Checks.Single(c => c.Name == "web accepts connections on 9090").Steps.Single().Action;
        Assert.Equal(new TcpAction("web", 9090), web);
        // Every check and every unchecked service is explained in a comment, and the quoted service name stays a string.
        Assert.Contains("# - job: publishes no port and has no healthcheck.", text);
        Assert.Contains("  # web publishes port 80: this shows that something listens on it.", text);
        Assert.Contains("service: 'off'", StarterSmokeYaml.Write(StarterSmoke.Derive(Stacks.Load(Stacks.Mixed.Replace("- NONE", "- CMD\n        - \"true\""))), ["compose.yaml"]));
    }

    [Fact]
    public void A_stack_with_nothing_to_check_gets_an_empty_list_that_SmokeTest_rejects_by_name()
    {
        var smoke = StarterSmoke.Derive(Stacks.Load(Stacks.Silent));
        var text = StarterSmokeYaml.Write(smoke, ["compose.yaml"]);

        Assert.Empty(smoke.Checks);
        Assert.Contains("checks: []", text);
        var error = Assert.Throws<SmokeFileException>(() => SmokeFileParser.Parse("smoke.yaml", text));
        Assert.Contains("'checks'", error.Message);
    }
}
