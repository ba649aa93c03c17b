using Slipway.Containers.Compose;

namespace Slipway.Containers.Tests.Compose;

/// <summary>The cause comes first: compose's own words (recorded from compose 2.26 on engine 26.1), not "did not become healthy".</summary>
public class ComposeUpFailureTests
{
    private const string PortTaken = """
         Container shop-a-1  Created
         Container shop-b-1  Starting
         Container shop-b-1  Started
        Error response from daemon: driver failed programming external connectivity on endpoint shop-a-1 (ef9bb9e1cba5): Bind for 0.0.0.0:18089 failed: port is already allocated
        """;

    private const string DependencyExited = """
         Container shop-b-1  Waiting
         Container shop-b-1  Error
        dependency failed to start: container shop-b-1 exited (3)
        """;

    private static ServiceHealth Service(string name, string state, long exitCode = 0, long restarts = 0, string? health = null) =>
        new(name, state, exitCode, restarts, health, [], false);

    [Fact]
    public void A_port_already_allocated_is_the_error_and_the_summary()
    {
        var explained = ComposeUpFailure.Explain(PortTaken, timedOut: false, 300, [Service("a", "created")], [], 1);
        Assert.StartsWith("compose could not start the stack: Error response from daemon: driver failed programming external connectivity", explained.Message);
        Assert.DoesNotContain("healthy within", explained.Message);
        Assert.Equal("failed: Bind for 0.0.0.0:18089 failed: port is already allocated", explained.Summary);
    }

    [Fact]
    public void A_service_that_exits_at_once_is_named_with_its_exit_code()
    {
        var explained = ComposeUpFailure.Explain(DependencyExited, timedOut: false, 300, [Service("b", "exited", 3), Service("c", "created")], [], 1);
        Assert.StartsWith("The stack did not start: b exits instead of running:", explained.Message);
        Assert.Contains("b: exited with code 3", explained.Message);
        Assert.Contains("c: not started (it waits for services it depends on)", explained.Message);
        Assert.Equal("failed: b exited (3)", explained.Summary);
    }

    [Fact]
    public void A_restarting_service_is_a_cause_too()
    {
        var explained = ComposeUpFailure.Explain("", timedOut: true, 30, [Service("api", "restarting", 1, restarts: 4)], [], 1);
        Assert.StartsWith("The stack did not start: api exits instead of running:", explained.Message);
    }

    [Fact]
    public void Only_a_stack_that_waited_out_the_timeout_is_reported_as_not_healthy_in_time()
    {
        var explained = ComposeUpFailure.Explain("container shop-api-1 is unhealthy", timedOut: true, 30, [Service("api", "running", health: "unhealthy")], ["worker"], 1);
        Assert.StartsWith("The stack did not become healthy within 30 s:", explained.Message);
        Assert.Contains("worker: no container was created", explained.Message);
        Assert.Equal("failed: api, worker not healthy in 30 s", explained.Summary);
    }

    [Fact]
    public void Otherwise_composes_last_words_are_the_reason()
    {
        var explained = ComposeUpFailure.Explain("some line\nno such image: shop/api:sha-1\n", timedOut: false, 300, [], [], 18);
        Assert.Equal("compose up failed: no such image: shop/api:sha-1", explained.Message);
        Assert.Equal("failed: no such image: shop/api:sha-1", explained.Summary);
    }
}
