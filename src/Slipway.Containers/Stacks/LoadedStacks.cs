using Slipway.Build.Processes;

namespace Slipway.Containers.Stacks;

/// <summary>
/// The stacks this run has read, so that BuildImages and ComposeUp ask compose once for the same files, profiles and
/// variables. Kept per run with <c>Context.State&lt;LoadedStacks&gt;()</c>.
/// </summary>
public sealed class LoadedStacks
{
    private readonly Dictionary<string, StackDefinition> _stacks = [];

    public async Task<StackDefinition> LoadAsync(ProcessRunner processes, ComposeCommand compose, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var key = string.Join('\n', compose.Arguments().Concat((environment ?? new Dictionary<string, string?>()).OrderBy(e => e.Key).Select(e => $"{e.Key}={e.Value}")));
        if (!_stacks.TryGetValue(key, out var stack))
            _stacks[key] = stack = await new StackLoader(processes).LoadAsync(compose, cancellationToken, environment);
        return stack;
    }
}
