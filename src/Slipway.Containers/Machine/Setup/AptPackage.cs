namespace Slipway.Containers.Machine.Setup;

/// <summary>
/// A package to install, optionally from a named release (<c>docker.io/trixie</c>). Selecting the release per package,
/// rather than with <c>-t</c>, keeps every dependency at the machine's own release unless the package needs a newer one.
/// </summary>
public sealed record AptPackage(string Name, string? Release = null)
{
    public override string ToString() => Release is null ? Name : $"{Name}/{Release}";
}
