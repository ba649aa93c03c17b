namespace Stack.Worker;

/// <summary>
/// A file whose age is the worker's health: the container healthcheck fails when it stops being touched,
/// which happens when the job loop cannot reach Redis or is stuck.
/// </summary>
internal sealed class Heartbeat(string path)
{
    public void Beat() => File.WriteAllText(path, DateTimeOffset.UtcNow.ToString("O"));
}
