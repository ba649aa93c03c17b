using Slipway.Containers.Building;

namespace Slipway.Containers.Tests.Building;

/// <summary>buildx 0.13's plain progress of failed bakes, as recorded: the error names the service, not only the step.</summary>
public class BakeFailureTests
{
    private const string TwoTargets = """
        #2 [good internal] load build definition from Dockerfile.ok
        #3 [broken internal] load build definition from Dockerfile
        #7 [good] exporting to image
        #9 [broken 2/2] RUN echo building && false
        #9 0.312 building
        #9 ERROR: process "/bin/sh -c echo building && false" did not complete successfully: exit code: 1
        ------
         > [broken 2/2] RUN echo building && false:
        ------
        ERROR: failed to solve: process "/bin/sh -c echo building && false" did not complete successfully: exit code: 1
        """;

    private const string OneTarget = """
        #5 [linux/amd64 1/4] FROM docker.io/library/debian:bookworm-slim
        #5 CACHED
        #6 [2/2] RUN echo building && false
        #6 0.496 building
        #6 ERROR: process "/bin/sh -c echo building && false" did not complete successfully: exit code: 1
        ERROR: failed to solve: process "/bin/sh -c echo building && false" did not complete successfully: exit code: 1
        """;

    [Fact]
    public void With_several_targets_the_failing_steps_target_is_the_service() =>
        Assert.Equal("The image of service 'broken' failed to build at [broken 2/2] RUN echo building && false: process \"/bin/sh -c echo building && false\" did not complete successfully: exit code: 1",
            BakeFailure.Explain(TwoTargets, ["broken", "good"]));

    [Fact]
    public void With_one_target_it_is_that_service() =>
        Assert.StartsWith("The image of service 'api' failed to build at [2/2] RUN echo building && false: process", BakeFailure.Explain(OneTarget, ["api"]));

    [Fact]
    public void Without_a_failed_step_bakes_last_error_is_given_with_the_services() =>
        Assert.Equal("buildx bake failed building api, web: unable to prepare context: path \"missing\" not found",
            BakeFailure.Explain("#1 DONE 0.0s\nERROR: unable to prepare context: path \"missing\" not found\n", ["api", "web"]));

    [Fact]
    public void Output_shown_on_a_terminal_instead_of_captured_is_pointed_to() =>
        Assert.Equal("buildx bake failed building api: see its output above", BakeFailure.Explain("\n", ["api"]));
}
