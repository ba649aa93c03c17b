using Slipway.Containers.Stacks;

namespace Slipway.Containers.Compose;

/// <summary>The stack this run started: ComposeUp sets it, SmokeTest uses it, ComposeDown ends it.</summary>
public sealed class ComposeSession
{
    /// <summary>The compose command with the stack's files, the generated image override and the run's project name; null until ComposeUp starts the stack.</summary>
    public ComposeCommand? Command { get; set; }

    public StackDefinition? Stack { get; set; }

    /// <summary>The services started while images still built; null when none were.</summary>
    public HeadStart? HeadStart { get; set; }

    /// <summary>Tells when services are up while ComposeUp waits for them all; null until ComposeUp starts the stack.</summary>
    public StackWatch? Watch { get; set; }

    public string ProjectName => Command?.ProjectName ?? throw new InvalidOperationException("The stack has not been started in this run.");
}
