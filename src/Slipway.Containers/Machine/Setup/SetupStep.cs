using Slipway.Build.Processes;

namespace Slipway.Containers.Machine.Setup;

/// <summary>
/// One thing Restore does to the machine. <see cref="ShellText"/> is the exact command a person would run instead:
/// it is what Restore prints when it may not install, and what it logs before running the step itself.
/// </summary>
public abstract record SetupStep(string Description)
{
    public abstract string ShellText { get; }
}

/// <summary>Runs a program.</summary>
public sealed record CommandStep(string Description, string FileName, IReadOnlyList<string> Arguments) : SetupStep(Description)
{
    public override string ShellText => string.Join(' ', Arguments.Prepend(FileName).Select(ShellQuoting.Quote));
}

/// <summary>Writes a file, replacing what was there (for a /proc or /sys file: writes into it).</summary>
public sealed record WriteFileStep(string Description, string Path, string Content) : SetupStep(Description)
{
    public override string ShellText =>
        Content.TrimEnd('\n').Contains('\n')
            ? $"cat > {ShellQuoting.Quote(Path)} <<'EOF'\n{Content.TrimEnd('\n')}\nEOF"
            : $"echo {ShellQuoting.Quote(Content.TrimEnd('\n'))} > {ShellQuoting.Quote(Path)}";
}

/// <summary>Registers a binfmt handler from its binfmt.d file (the first line that is not a comment).</summary>
public sealed record RegisterBinfmtStep(string Description, string ConfigurationFile) : SetupStep(Description)
{
    public const string RegisterFile = "/proc/sys/fs/binfmt_misc/register";

    public override string ShellText => $"grep -v -e '^#' -e '^$' {ShellQuoting.Quote(ConfigurationFile)} > {RegisterFile}";
}

/// <summary>Starts the Docker engine and waits until its API answers.</summary>
public sealed record StartDockerdStep(string Description, bool UseSystemd) : SetupStep(Description)
{
    public const string LogFile = "/var/log/dockerd.log";

    public override string ShellText => UseSystemd
        ? "systemctl enable --now docker"
        : $"setsid -f dockerd >>{LogFile} 2>&1 </dev/null";
}

/// <summary>Stops a running Docker engine (to restart it with new settings or binaries).</summary>
public sealed record StopDockerdStep(string Description, bool UseSystemd) : SetupStep(Description)
{
    public const string PidFile = "/var/run/docker.pid";

    public override string ShellText => UseSystemd
        ? "systemctl stop docker"
        : $"kill $(cat {PidFile}) && while [ -e {PidFile} ]; do sleep 1; done";
}

/// <summary>Something Restore cannot do here and has no exact command for (e.g. installing Docker on an unknown distribution).</summary>
public sealed record ManualStep(string Description) : SetupStep(Description)
{
    public override string ShellText => "# " + Description;
}
