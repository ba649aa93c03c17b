using System.Diagnostics;
using System.Net.Sockets;
using Slipway.Containers.Smoke.Running;
using Slipway.Containers.Smoke.Suite;

namespace Slipway.Containers.Smoke.Steps;

/// <summary>
/// Connects to a service's port at the container's own address: a published port would be accepted by Docker's
/// port proxy even when nothing listens behind it.
/// </summary>
public sealed class TcpStepRunner(IServiceEndpoints endpoints)
{
    public async Task<StepAttempt> RunAsync(TcpAction tcp, SmokeStep step, CancellationToken cancellationToken)
    {
        var request = StepDescription.Of(tcp);
        try
        {
            var endpoint = await endpoints.NetworkAsync(tcp.Service, tcp.Port, cancellationToken);
            request += $" (at {endpoint})";
            using var client = new TcpClient();
            var clock = Stopwatch.StartNew();
            await client.ConnectAsync(endpoint.Host, endpoint.Port, cancellationToken);
            clock.Stop();
            return step.Expect.Latency is { } budget && clock.Elapsed > budget
                ? new StepAttempt(request, [$"connecting took {clock.Elapsed.TotalMilliseconds:0} ms, over the budget of {budget.TotalMilliseconds:0} ms"])
                : new StepAttempt(request, []);
        }
        catch (Exception e) when (e is SocketException or EndpointException)
        {
            return new StepAttempt(request, [$"could not connect: {e.Message}"]);
        }
    }
}
