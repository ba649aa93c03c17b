namespace Slipway.Containers.Publishing.Signing;

/// <summary>cosign could not sign, attest or read a key; the message has its command (no secret is ever on it) and its error.</summary>
public sealed class SigningException(string message, Exception? inner = null) : Exception(message, inner);
