namespace Slipway.Containers.Publishing.Registry;

/// <summary>The registry refused or failed a request, or answered something other than what was pushed.</summary>
public sealed class RegistryException(string message, Exception? inner = null) : Exception(message, inner);
