using Slipway.Build;

namespace Slipway.Containers.Stacks;

/// <summary>The compose arguments that select a stack: files, env file, profiles and (once running) the project name.</summary>
public sealed record ComposeCommand(IReadOnlyList<AbsolutePath> Files, AbsolutePath? EnvFile, IReadOnlyList<string> Profiles, string? ProjectName = null)
{
    public static ComposeCommand For(IStack stack, string? projectName = null) =>
        new(stack.ComposeFiles, stack.EnvFile, stack.ComposeProfile ?? [], projectName);

    /// <summary><c>compose -f a -f b [--env-file e] [--profile p] [-p name] &lt;command…&gt;</c>, to run with <c>docker</c>.</summary>
    public IReadOnlyList<string> Arguments(params string[] command)
    {
        var arguments = new List<string> { "compose" };
        foreach (var file in Files) arguments.AddRange(["-f", file]);
        if (EnvFile is not null) arguments.AddRange(["--env-file", EnvFile]);
        foreach (var profile in Profiles) arguments.AddRange(["--profile", profile]);
        if (ProjectName is not null) arguments.AddRange(["-p", ProjectName]);
        arguments.AddRange(command);
        return arguments;
    }

    public string Describe() => string.Join(", ", Files.Select(f => f.Value));
}
