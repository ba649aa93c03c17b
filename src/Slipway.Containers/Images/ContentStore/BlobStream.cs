using Grpc.Core;
using Slipway.Containers.Images.ContentStore.Api;

namespace Slipway.Containers.Images.ContentStore;

/// <summary>A read-only stream over the chunks of containerd's streamed blob read; disposing it ends the call.</summary>
internal sealed class BlobStream(AsyncServerStreamingCall<ReadContentResponse> call) : Stream
{
    private ReadOnlyMemory<byte> _chunk = ReadOnlyMemory<byte>.Empty;
    private bool _ended;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_chunk.IsEmpty && !_ended)
        {
            if (await call.ResponseStream.MoveNext(cancellationToken)) _chunk = call.ResponseStream.Current.Data.Memory;
            else _ended = true;
        }
        var n = Math.Min(buffer.Length, _chunk.Length);
        _chunk[..n].CopyTo(buffer);
        _chunk = _chunk[n..];
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // The readers above (tar, gzip, zstd) read asynchronously; a synchronous caller waits for the same path.
    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    protected override void Dispose(bool disposing)
    {
        if (disposing) call.Dispose();
        base.Dispose(disposing);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
