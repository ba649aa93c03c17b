using Slipway.Build.Logging;

namespace Slipway.Build.Workflows.Rehearsal;

/// <summary>A job's log file, every line masked; it keeps the last lines of the running step for the failure's message.</summary>
public sealed class JobLog(string file, SecretMasker masker) : IDisposable
{
    private const int TailLines = 30;
    private readonly StreamWriter _writer = Open(file);
    private readonly Queue<string> _tail = new();

    public string File { get; } = file;

    private static StreamWriter Open(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        return new StreamWriter(file, append: false) { AutoFlush = true };
    }

    public void Step(int number, string name)
    {
        lock (_tail) _tail.Clear();
        Note($"{Environment.NewLine}##[group]{number} {name}");
    }

    /// <summary>A line of the step's output.</summary>
    public void Write(string line)
    {
        line = masker.Apply(line);
        lock (_tail)
        {
            _writer.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");
            _tail.Enqueue(line);
            if (_tail.Count > TailLines) _tail.Dequeue();
        }
    }

    /// <summary>A line of the runner's own (a command, a group, an error), kept out of the step's output.</summary>
    public void Note(string line)
    {
        lock (_tail) _writer.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {masker.Apply(line)}");
    }

    /// <summary>The running step's last lines of output.</summary>
    public IReadOnlyList<string> Tail()
    {
        lock (_tail) return _tail.ToList();
    }

    /// <summary>The last line of output that says something, for a one-line note.</summary>
    public string? LastLine()
    {
        lock (_tail) return _tail.LastOrDefault(l => l.Trim().Length > 0)?.Trim() is { } line ? line.Length > 160 ? line[..160] + "…" : line : null;
    }

    public void Dispose() => _writer.Dispose();
}
