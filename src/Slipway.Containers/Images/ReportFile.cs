using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Slipway.Containers.Images;

/// <summary>
/// The JSON files targets hand to each other (images.json, pushed.json): indented camelCase without nulls, media
/// types' "+" kept readable; a missing or unreadable file is an error that names it and what makes it.
/// </summary>
public static class ReportFile
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="path">The file to read.</param>
    /// <param name="name">How errors name it, e.g. relative to the root.</param>
    /// <param name="kind">What it is, e.g. "images report".</param>
    /// <param name="madeBy">What writes it, e.g. "run BuildImages first".</param>
    public static T Load<T>(string path, string name, string kind, string madeBy)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{name} does not exist: {madeBy}.", path);
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), JsonOptions) ?? throw new InvalidDataException($"{name}: empty {kind}.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{name}: not a valid {kind} ({e.Message}).", e);
        }
    }

    public static void Save<T>(T report, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(report, JsonOptions) + "\n");
    }
}
