using Slipway.Build;
using Slipway.Containers.Scanning.Advisories;
using Slipway.Containers.Scanning.Policy;

namespace Slipway.Containers.Scanning;

/// <summary>ScanImages' inputs, checked before any target runs: the advisory mirror, the ignore file and the OSV endpoint.</summary>
public static class ScanInputs
{
    public static void Validate(IScanImages build)
    {
        if (build.Advisories is { } directory)
            Named("Advisories", () => AdvisoryDirectory.Load(directory));
        Named("ScanIgnoreFile", () => IgnoreFileOf(build));
        OsvEndpoint(build.OsvApi);
    }

    /// <summary>--scan-ignore-file, else .trivyignore at the root when there is one.</summary>
    public static IgnoreFile IgnoreFileOf(IScanImages build)
    {
        var file = build.ScanIgnoreFile ?? (File.Exists(build.RootDirectory / ".trivyignore") ? build.RootDirectory / ".trivyignore" : null);
        return file is null ? IgnoreFile.Empty : IgnoreFile.Load(file);
    }

    /// <summary>The OSV API endpoint to ask, or null for 'off'.</summary>
    public static Uri? OsvEndpoint(string? value) => value switch
    {
        null or "" => OsvApiClient.DefaultEndpoint,
        "off" or "none" or "false" => null,
        var url => Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new ParameterException($"Parameter 'OsvApi': '{url}' is not an absolute http(s) URL; expected e.g. https://api.osv.dev/ or 'off'."),
    };

    private static void Named(string parameter, Action read)
    {
        try
        {
            read();
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw new ParameterException($"Parameter '{parameter}': {e.Message}");
        }
    }
}
