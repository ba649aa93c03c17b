namespace Slipway.Containers.Publishing.Registry;

/// <summary>A registry login. The password never goes into a command line: it travels in HTTP headers only.</summary>
public sealed record RegistryCredentials(string Username, string Password)
{
    public override string ToString() => $"{Username}:***";
}
