using System.IO.Pipelines;

namespace Slipway.Containers.Scanning.Inventory.Layers;

/// <summary>
/// Reads a source stream ahead on a background task into a bounded pipe, so that receiving the engine's export
/// and decompressing its layers overlap instead of taking turns.
/// </summary>
internal static class PrefetchStream
{
    private const long Ahead = 32L * 1024 * 1024;

    public static (Stream Stream, Task Pump) Start(Stream source, CancellationToken cancellationToken)
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: Ahead, resumeWriterThreshold: Ahead / 2, minimumSegmentSize: 1 << 16, useSynchronizationContext: false));
        var pump = Task.Run(async () =>
        {
            try
            {
                await source.CopyToAsync(pipe.Writer, cancellationToken);
                await pipe.Writer.CompleteAsync();
            }
            catch (Exception e)
            {
                await pipe.Writer.CompleteAsync(e);
            }
        }, cancellationToken);
        return (pipe.Reader.AsStream(), pump);
    }
}
