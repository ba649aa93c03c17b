using System.Collections;

namespace Slipway.Tests.Shared;

/// <summary>This test process's environment, as a build context would hand it to what reads it (PATH, CONTAINERD_ADDRESS).</summary>
public static class ProcessEnvironment
{
    public static IReadOnlyDictionary<string, string> Current =>
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");
}
