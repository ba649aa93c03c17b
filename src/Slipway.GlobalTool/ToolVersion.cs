using System.Reflection;

namespace Slipway.GlobalTool;

/// <summary>The tool's version: the one its packages were packed with (./build.sh Pack), without the commit the SDK appends.</summary>
public static class ToolVersion
{
    public static string Current { get; } =
        (typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];
}
