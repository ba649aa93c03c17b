using Slipway.Containers.Smoke.Running;
using Slipway.Containers.Smoke.Suite;

namespace Slipway.Containers.Smoke.Steps;

/// <summary>Runs steps against the running stack, each kind with its own runner.</summary>
public sealed class StepRunner(HttpStepRunner http, TcpStepRunner tcp, ExecStepRunner exec) : IStepRunner
{
    public Task<StepAttempt> RunAsync(SmokeStep step, CancellationToken cancellationToken) => step.Action switch
    {
        HttpAction action => http.RunAsync(action, step, cancellationToken),
        TcpAction action => tcp.RunAsync(action, step, cancellationToken),
        ExecAction action => exec.RunAsync(action, step, cancellationToken),
        _ => throw new InvalidOperationException($"No runner for {step.Action.GetType().Name}."),
    };
}
