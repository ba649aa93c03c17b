using Slipway.Containers.Compose;

namespace Slipway.Containers.Tests.Compose;

/// <summary>A service's container state, as the engine reports it, and whether it counts as up.</summary>
public class ServiceHealthTests
{
    private static ServiceHealth Health(string state, string? health = null, long exitCode = 0, long restarts = 0, bool oneShot = false) =>
        new("api", state, exitCode, restarts, health, health == "unhealthy" ? ["exit 1: connection refused"] : [], oneShot);

    [Theory]
    [InlineData("running", null, 0L, false, true)]
    [InlineData("running", "healthy", 0L, false, true)]
    [InlineData("running", "starting", 0L, false, false)]
    [InlineData("running", "unhealthy", 0L, false, false)]
    [InlineData("exited", null, 0L, true, true)]
    [InlineData("exited", null, 0L, false, false)]
    [InlineData("exited", null, 1L, true, false)]
    [InlineData("created", null, 0L, false, false)]
    [InlineData("restarting", null, 1L, false, false)]
    public void Up_means_healthy_running_or_a_one_shot_job_that_ended_well(string state, string? health, long exitCode, bool oneShot, bool up) =>
        Assert.Equal(up, Health(state, health, exitCode, oneShot: oneShot).IsUp);

    [Fact]
    public void Services_that_failed_on_their_own_come_before_those_that_only_wait()
    {
        Assert.Equal(0, Health("exited", exitCode: 3).Blame);
        Assert.Equal(0, Health("running", restarts: 2).Blame);
        Assert.Equal(1, Health("running", "unhealthy").Blame);
        Assert.Equal(2, Health("created").Blame);
    }

    [Fact]
    public void The_description_says_what_happened_with_the_last_probes()
    {
        Assert.Equal("api: exited with code 3", Health("exited", exitCode: 3).Describe());
        Assert.Equal("api: not started (it waits for services it depends on)", Health("created").Describe());
        Assert.Equal("api: running, unhealthy" + Environment.NewLine + "    probe exit 1: connection refused", Health("running", "unhealthy").Describe());
        Assert.Equal("api: restarting, restarted 4 times (last exit code 1)", Health("restarting", exitCode: 1, restarts: 4).Describe());
    }
}
