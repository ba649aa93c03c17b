namespace Slipway.GlobalTool.Smoke;

/// <summary>One check of the starter smoke file, with the comment that says what it shows and how to go further.</summary>
public abstract record StarterCheck(string Name, string Service, IReadOnlyList<string> Comment)
{
    /// <summary>Connects to a published container port: something listens there.</summary>
    public sealed record Tcp(string Name, string Service, int Port, IReadOnlyList<string> Comment) : StarterCheck(Name, Service, Comment);

    /// <summary>Runs the service's compose healthcheck in its container: an argument list (CMD) or a shell line (CMD-SHELL).</summary>
    public sealed record Exec(string Name, string Service, IReadOnlyList<string>? Arguments, string? ShellLine, IReadOnlyList<string> Comment)
        : StarterCheck(Name, Service, Comment);
}

/// <summary>A service the starter file has no check for, and why.</summary>
public sealed record UncheckedService(string Service, string Reason);
