using Slipway.Build.Processes;
using Slipway.Containers.Smoke.Running;
using Slipway.Containers.Smoke.Suite;
using Slipway.Containers.Stacks;

namespace Slipway.Containers.Smoke.Stack;

/// <summary>Runs an exec step's command with <c>compose exec -T</c> in the service's container.</summary>
public sealed class ExecStepRunner(ProcessRunner processes, ComposeCommand compose)
{
    public async Task<StepAttempt> RunAsync(ExecAction exec, SmokeStep step, CancellationToken cancellationToken)
    {
        var result = await processes.RunAsync("docker", compose.Arguments(["exec", "-T", exec.Service, .. exec.Command]),
            new ProcessOptions { Quiet = true, ThrowOnError = false }, cancellationToken);
        var output = result.StandardOutput + result.StandardError;
        return new StepAttempt(StepDescription.Of(exec), ResponseCheck.Exec(step.Expect, result.ExitCode, output), Response: StepAttempt.Excerpt(output));
    }
}
