using Slipway.Containers.Streams;

namespace Slipway.Containers.Scanning.Inventory.Layers;

/// <summary>A read-only stream that first returns bytes already read from another stream (to sniff its format), then the rest of it.</summary>
internal sealed class ReplayStream(ReadOnlyMemory<byte> head, Stream rest) : ReadOnlyStream
{
    private ReadOnlyMemory<byte> _head = head;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_head.IsEmpty) return rest.Read(buffer);
        var n = Math.Min(buffer.Length, _head.Length);
        _head.Span[..n].CopyTo(buffer);
        _head = _head[n..];
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_head.IsEmpty) return await rest.ReadAsync(buffer, cancellationToken);
        var n = Math.Min(buffer.Length, _head.Length);
        _head[..n].CopyTo(buffer);
        _head = _head[n..];
        return n;
    }
}
