using System.Net.Sockets;
using System.Text.Json.Nodes;
using Grpc.Core;
using Grpc.Net.Client;
using Slipway.Containers.Images;
using Slipway.Containers.Images.ContentStore.Api;

namespace Slipway.Containers.Images.ContentStore;

/// <summary>
/// Reads blobs (indexes, manifests, configs, layers) from containerd's content store through its gRPC content API on
/// the local socket: the bytes the engine would put in an export, without the engine packing every platform into one tar.
/// </summary>
public sealed class ContainerdContentStore : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly Content.ContentClient _client;
    private readonly Metadata _namespace;

    public ContainerdContentStore(ContainerdSocket socket, string @namespace = ContainerdSocket.EngineNamespace)
    {
        Socket = socket;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var connection = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await connection.ConnectAsync(new UnixDomainSocketEndPoint(socket.Path), cancellationToken);
                    return new NetworkStream(connection, ownsSocket: true);
                }
                catch
                {
                    connection.Dispose();
                    throw;
                }
            },
            // containerd sends a blob in 1 MB messages: a wide window keeps them coming while a layer is decompressed.
            InitialHttp2StreamWindowSize = 8 * 1024 * 1024,
        };
        // The authority is not looked at: the connection is the socket above.
        _channel = GrpcChannel.ForAddress("http://containerd", new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
        _client = new Content.ContentClient(_channel);
        _namespace = new Metadata { { "containerd-namespace", @namespace } };
    }

    public ContainerdSocket Socket { get; }

    /// <summary>A blob's bytes as they stream from containerd; a missing blob fails on the first read with <see cref="StatusCode.NotFound"/>.</summary>
    public Stream OpenRead(string digest, CancellationToken cancellationToken) =>
        new BlobStream(_client.Read(new ReadContentRequest { Digest = digest }, _namespace, cancellationToken: cancellationToken));

    /// <summary>A JSON blob (index, manifest, config), or null when the content store does not have it.</summary>
    public async Task<JsonNode?> ReadDocumentAsync(string digest, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        try
        {
            await using var blob = OpenRead(digest, cancellationToken);
            await blob.CopyToAsync(buffer, cancellationToken);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
        if (buffer.Length > OciIndex.MaxDocumentSize)
            throw new InvalidDataException($"Content store: blob {digest} ({buffer.Length} bytes) is too large for an index, manifest or config.");
        return JsonNode.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length))
               ?? throw new InvalidDataException($"Content store: blob {digest} is empty JSON.");
    }

    public void Dispose() => _channel.Dispose();
}
