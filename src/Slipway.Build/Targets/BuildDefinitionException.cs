namespace Slipway.Build;

/// <summary>The build's own definition is wrong (duplicate names, dangling references, cycles).</summary>
public sealed class BuildDefinitionException(string message) : Exception(message);
