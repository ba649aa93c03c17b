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
        Write($"{Environment.NewLine}##[group]{number} {name}");
    }

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

    /// <summary>The running step's last lines.</summary>
    public string Tail()
    {
        lock (_tail) return string.Join(Environment.NewLine, _tail);
    }

    public void Dispose() => _writer.Dispose();
}
