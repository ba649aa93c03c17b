using System.Reflection;

namespace Stack.Api;

internal static class AppVersion
{
    /// <summary>APP_VERSION when the deployment sets it, otherwise the version the api was published with.</summary>
    public static string Current { get; } =
        Environment.GetEnvironmentVariable("APP_VERSION") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : typeof(AppVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
