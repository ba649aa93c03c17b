using Microsoft.Extensions.Configuration;

namespace Stack.Shared;

public static class ConfigurationExtensions
{
    /// <summary>A connection string the service cannot run without, set as ConnectionStrings__{name} in the environment.</summary>
    public static string RequiredConnectionString(this IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Connection string '{name}' is not set (environment variable ConnectionStrings__{name}).");
}
