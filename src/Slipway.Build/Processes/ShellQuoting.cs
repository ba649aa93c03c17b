namespace Slipway.Build.Processes;

/// <summary>Quotes a word for a POSIX shell, only when it needs it, so printed commands stay readable and can be pasted.</summary>
public static class ShellQuoting
{
    public static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,+@%".Contains(c))
            ? word
            : $"'{word.Replace("'", "'\\''")}'";
}
