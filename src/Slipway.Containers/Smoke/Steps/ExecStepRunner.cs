using Docker.DotNet.Models;
using Slipway.Containers.Smoke.Running;
using Slipway.Containers.Smoke.Suite;

namespace Slipway.Containers.Smoke.Steps;

/// <summary>Runs an exec step's command in the service's container through the Docker API, as <c>compose exec -T</c> would.</summary>
public sealed class ExecStepRunner(ServiceContainers containers)
{
    public async Task<StepAttempt> RunAsync(ExecAction exec, SmokeStep step, CancellationToken cancellationToken)
    {
        var request = StepDescription.Of(exec);
        try
        {
            var container = await containers.OfAsync(exec.Service, cancellationToken);
            var created = await containers.Docker.Exec.CreateContainerExecAsync(container.ID,
                new ContainerExecCreateParameters { Cmd = [.. exec.Command], AttachStdout = true, AttachStderr = true }, cancellationToken);
            string output;
            using (var stream = await containers.Docker.Exec.StartContainerExecAsync(created.ID, new ContainerExecStartParameters(), cancellationToken))
            {
                var (stdout, stderr) = await stream.ReadOutputToEndAsync(cancellationToken);
                output = stdout + stderr;
            }

            var exitCode = (await containers.Docker.Exec.InspectContainerExecAsync(created.ID, cancellationToken)).ExitCode;
            return new StepAttempt(request, ResponseCheck.Exec(step.Expect, (int)(exitCode ?? -1), output), Response: StepAttempt.Excerpt(output));
        }
        catch (EndpointException e)
        {
            return new StepAttempt(request, [e.Message]);
        }
    }
}
