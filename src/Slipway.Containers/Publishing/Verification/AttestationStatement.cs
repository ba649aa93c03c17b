using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Slipway.Containers.Publishing.Verification;

/// <summary>One subject of an in-toto statement: the artifact's name and its sha256 digest.</summary>
public sealed record StatementSubject(string Name, string Digest);

/// <summary>An in-toto statement, as cosign verify-attestation prints it inside a verified DSSE envelope.</summary>
public sealed record AttestationStatement(string PredicateType, IReadOnlyList<StatementSubject> Subjects, JsonNode? Predicate)
{
    public const string PayloadType = "application/vnd.in-toto+json";

    /// <summary>Reads cosign's output: one DSSE envelope (JSON) per line, its payload the base64 of the statement.</summary>
    public static IReadOnlyList<AttestationStatement> ParseEnvelopes(string output)
    {
        var statements = new List<AttestationStatement>();
        foreach (var (line, index) in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select((l, i) => (l, i + 1)))
        {
            try
            {
                var envelope = JsonNode.Parse(line) as JsonObject ?? throw new InvalidDataException("not a JSON object");
                var type = envelope["payloadType"]?.GetValue<string>();
                if (type != PayloadType) throw new InvalidDataException($"payloadType is '{type}', expected {PayloadType}");
                var payload = envelope["payload"]?.GetValue<string>() ?? throw new InvalidDataException("no payload");
                statements.Add(Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload))));
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or InvalidDataException)
            {
                throw new InvalidDataException($"cosign verify-attestation's envelope {index}: {e.Message}.", e);
            }
        }
        return statements;
    }

    public static AttestationStatement Parse(string json)
    {
        var statement = JsonNode.Parse(json) as JsonObject ?? throw new InvalidDataException("the statement is not a JSON object");
        var subjects = (statement["subject"] as JsonArray ?? throw new InvalidDataException("the statement has no subject"))
            .OfType<JsonObject>()
            .Select(s => new StatementSubject(
                s["name"]?.GetValue<string>() ?? "",
                s["digest"]?["sha256"]?.GetValue<string>() is { } hex ? "sha256:" + hex : ""))
            .ToList();
        return new AttestationStatement(statement["predicateType"]?.GetValue<string>() ?? "", subjects, statement["predicate"]);
    }
}

/// <summary>The digests cosign verify's signatures claim (<c>critical.image.docker-manifest-digest</c>), one per signature.</summary>
public sealed record VerifiedSignatures(IReadOnlyList<string> SignedDigests)
{
    public static VerifiedSignatures Parse(string output)
    {
        // cosign prints its human-readable notes on standard error and the JSON array of payloads on standard output.
        var start = output.IndexOf('[');
        if (start < 0) throw new InvalidDataException("cosign verify printed no JSON array of signatures.");
        try
        {
            var payloads = JsonNode.Parse(output[start..]) as JsonArray ?? throw new InvalidDataException("not a JSON array");
            return new VerifiedSignatures(payloads.OfType<JsonObject>()
                .Select(p => p["critical"]?["image"]?["docker-manifest-digest"]?.GetValue<string>() ?? "")
                .ToList());
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"cosign verify's output is not JSON: {e.Message}", e);
        }
    }
}
