using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Slipway.Containers.Tests.Scanning.Support;

/// <summary>Writes layers and OCI image layouts as tar bytes, the way engines export them.</summary>
internal static class Layers
{
    /// <summary>Entries: path → content; a null content is a directory, "-> target" a symlink.</summary>
    public static byte[] Tar(params (string Path, string? Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var tar = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (path, content) in entries)
            {
                if (content is null)
                    tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, path));
                else if (content.StartsWith("-> ", StringComparison.Ordinal))
                    tar.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, path) { LinkName = content[3..] });
                else
                    tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, path) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) });
            }
        }
        return buffer.ToArray();
    }

    /// <summary>A layer of regular files with binary content.</summary>
    public static byte[] Tar(params (string Path, byte[] Content)[] files)
    {
        using var buffer = new MemoryStream();
        using (var tar = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
            foreach (var (path, content) in files)
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, path) { DataStream = new MemoryStream(content) });
        return buffer.ToArray();
    }

    public static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(data);
        return buffer.ToArray();
    }

    public static byte[] Zstd(byte[] data)
    {
        using var compressor = new ZstdSharp.Compressor();
        return compressor.Wrap(data).ToArray();
    }

    public static string Digest(byte[] blob) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(blob));

    /// <summary>An OCI layout as `docker save` writes it with the containerd store: blobs first, index.json last, nested index.</summary>
    public sealed class Layout
    {
        private readonly SortedDictionary<string, byte[]> _blobs = new(StringComparer.Ordinal);
        private readonly List<JsonObject> _platformDescriptors = [];

        public string Add(byte[] blob)
        {
            var digest = Digest(blob);
            _blobs[digest] = blob;
            return digest;
        }

        public string AddPlatform(string os, string architecture, params byte[][] layers)
        {
            var config = Add(Encoding.UTF8.GetBytes(new JsonObject { ["os"] = os, ["architecture"] = architecture, ["rootfs"] = new JsonObject { ["type"] = "layers" } }.ToJsonString()));
            var manifest = new JsonObject
            {
                ["schemaVersion"] = 2,
                ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
                ["config"] = new JsonObject { ["mediaType"] = "application/vnd.oci.image.config.v1+json", ["digest"] = config, ["size"] = 10 },
                ["layers"] = new JsonArray(layers.Select(l => (JsonNode)new JsonObject { ["mediaType"] = "application/vnd.oci.image.layer.v1.tar+gzip", ["digest"] = Add(l), ["size"] = l.Length }).ToArray()),
            };
            var digest = Add(Encoding.UTF8.GetBytes(manifest.ToJsonString()));
            _platformDescriptors.Add(new JsonObject
            {
                ["mediaType"] = "application/vnd.oci.image.manifest.v1+json", ["digest"] = digest, ["size"] = 1,
                ["platform"] = new JsonObject { ["architecture"] = architecture, ["os"] = os },
            });
            return digest;
        }

        /// <summary>Adds a buildx-style attestation manifest, which is no platform.</summary>
        public void AddAttestation(string forDigest)
        {
            var statement = Add("""{"_type":"https://in-toto.io/Statement/v0.1"}"""u8.ToArray());
            var manifest = Add(Encoding.UTF8.GetBytes(new JsonObject
            {
                ["schemaVersion"] = 2,
                ["layers"] = new JsonArray(new JsonObject { ["mediaType"] = "application/vnd.in-toto+json", ["digest"] = statement, ["size"] = 10 }),
            }.ToJsonString()));
            _platformDescriptors.Add(new JsonObject
            {
                ["mediaType"] = "application/vnd.oci.image.manifest.v1+json", ["digest"] = manifest, ["size"] = 1,
                ["annotations"] = new JsonObject { ["vnd.docker.reference.digest"] = forDigest, ["vnd.docker.reference.type"] = "attestation-manifest" },
                ["platform"] = new JsonObject { ["architecture"] = "unknown", ["os"] = "unknown" },
            });
        }

        public byte[] Export()
        {
            var index = Add(Encoding.UTF8.GetBytes(new JsonObject
            {
                ["schemaVersion"] = 2, ["mediaType"] = "application/vnd.oci.image.index.v1+json",
                ["manifests"] = new JsonArray(_platformDescriptors.Select(d => (JsonNode)d.DeepClone()).ToArray()),
            }.ToJsonString()));
            var top = new JsonObject
            {
                ["schemaVersion"] = 2,
                ["manifests"] = new JsonArray(new JsonObject { ["mediaType"] = "application/vnd.oci.image.index.v1+json", ["digest"] = index, ["size"] = 1 }),
            };
            var entries = _blobs.Select(b => ("blobs/sha256/" + b.Key["sha256:".Length..], b.Value)).ToList();
            entries.Add(("index.json", Encoding.UTF8.GetBytes(top.ToJsonString())));
            entries.Add(("oci-layout", """{"imageLayoutVersion":"1.0.0"}"""u8.ToArray()));
            using var buffer = new MemoryStream();
            using (var tar = new TarWriter(buffer, TarEntryFormat.Ustar, leaveOpen: true))
                foreach (var (path, content) in entries)
                    tar.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, path) { DataStream = new MemoryStream(content) });
            return buffer.ToArray();
        }
    }
}
