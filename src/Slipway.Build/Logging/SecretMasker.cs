namespace Slipway.Build.Logging;

/// <summary>Knows the run's secret values and replaces them with *** in any text.</summary>
public sealed class SecretMasker
{
    public const string Mask = "***";

    private readonly object _gate = new();
    private string[] _secrets = [];

    public void Add(string? secret)
    {
        if (string.IsNullOrEmpty(secret)) return;
        lock (_gate)
        {
            // Longest first, so a secret that contains another is masked whole.
            _secrets = _secrets.Append(secret).Distinct().OrderByDescending(s => s.Length).ToArray();
        }
    }

    public bool HasSecrets => _secrets.Length > 0;

    public bool Contains(string? text) => text is not null && _secrets.Any(s => text.Contains(s, StringComparison.Ordinal));

    public string Apply(string text)
    {
        foreach (var secret in _secrets)
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        return text;
    }
}
