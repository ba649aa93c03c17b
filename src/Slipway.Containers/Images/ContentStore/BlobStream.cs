using Grpc.Core;
using Slipway.Containers.Images.ContentStore.Api;
using Slipway.Containers.Streams;

namespace Slipway.Containers.Images.ContentStore;

/// <summary>A read-only stream over the chunks of containerd's streamed blob read; disposing it ends the call.</summary>
/// <remarks>The readers above it (tar, gzip, zstd) read asynchronously; a synchronous caller waits for the same path.</remarks>
internal sealed class BlobStream(AsyncServerStreamingCall<ReadContentResponse> call) : ReadOnlyStream
{
    private ReadOnlyMemory<byte> _chunk = ReadOnlyMemory<byte>.Empty;
    private bool _ended;

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

    protected override void Dispose(bool disposing)
    {
        if (disposing) call.Dispose();
        base.Dispose(disposing);
    }
}
