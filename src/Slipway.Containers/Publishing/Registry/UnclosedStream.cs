using Slipway.Containers.Streams;

namespace Slipway.Containers.Publishing.Registry;

/// <summary>Keeps the caller's stream open when the request content is disposed (it belongs to the caller, e.g. a tar entry).</summary>
internal sealed class UnclosedStream(Stream inner) : ReadOnlyStream
{
    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);
}
