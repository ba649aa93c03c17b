using System.Net;
using System.Text;
using Slipway.Build;
using Slipway.Containers.Images;

namespace Slipway.Containers.Publishing.Registry;

/// <summary>
/// Where images go: <c>--registry ghcr.io/acme</c> or <c>localhost:5000/acme</c>, i.e. a host (with an optional
/// port) and a namespace that every service's repository is put under. TLS is required except on the loopback.
/// </summary>
public sealed record RegistryAddress
{
    /// <summary>The host as image references name it, e.g. <c>ghcr.io</c> or <c>localhost:5000</c>.</summary>
    public required string Host { get; init; }

    /// <summary>The path under the host, e.g. <c>acme</c> or <c>acme/team</c>; may be empty.</summary>
    public required string Namespace { get; init; }

    /// <summary>localhost, 127.0.0.0/8 and ::1 are spoken to over plain HTTP, as the Docker engine does; everything else over TLS.</summary>
    public bool IsLoopback
    {
        get
        {
            var name = HostName;
            return name.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(name, out var ip) && IPAddress.IsLoopback(ip));
        }
    }

    /// <summary>The base of the registry's HTTP API (Docker Hub's references say docker.io, its API lives elsewhere).</summary>
    public Uri ApiBase => new($"{(IsLoopback ? "http" : "https")}://{(Host == "docker.io" ? "registry-1.docker.io" : Host)}/");

    private string HostName => Host.StartsWith('[') ? Host[1..Host.IndexOf(']')] : Host.Split(':')[0];

    public static RegistryAddress Parse(string value)
    {
        const string expected = "expected HOST[:PORT]/NAMESPACE, e.g. ghcr.io/acme or localhost:5000/acme";
        var text = value.Trim().TrimEnd('/');
        string? scheme = null;
        if (text.Contains("://"))
        {
            scheme = text[..text.IndexOf("://", StringComparison.Ordinal)].ToLowerInvariant();
            if (scheme is not ("https" or "http"))
                throw new ParameterException($"Parameter 'Registry': '{value}' names the scheme {scheme}; registries speak https, or http on the loopback ({expected}).");
            text = text[(scheme.Length + 3)..];
        }
        var slash = text.IndexOf('/');
        var host = slash < 0 ? text : text[..slash];
        // Repository paths are lowercase; GitHub owners are not, and ghcr.io/${{ github.repository_owner }} is the usual value.
        var ns = slash < 0 ? "" : text[(slash + 1)..].ToLowerInvariant();
        if (host.Length == 0 || host.Any(char.IsWhiteSpace) || ns.Split('/').Any(part => slash >= 0 && !IsPathComponent(part)))
            throw new ParameterException($"Parameter 'Registry': '{value}' is not a registry address: {expected}; the namespace is letters, digits and . _ -.");
        var address = new RegistryAddress { Host = host.ToLowerInvariant(), Namespace = ns };
        if (scheme == "http" && !address.IsLoopback)
            throw new ParameterException($"Parameter 'Registry': '{value}' uses plain http, which Slipway speaks only on the loopback (localhost, 127.0.0.1, ::1); give an https registry.");
        return address;
    }

    /// <summary>The repository path of a service, e.g. <c>acme/api</c>.</summary>
    public string RepositoryOf(string service) => Namespace.Length == 0 ? DockerNames.Component(service) : $"{Namespace}/{DockerNames.Component(service)}";

    /// <summary>The full image name of a service, e.g. <c>ghcr.io/acme/api</c>.</summary>
    public string ImageOf(string service) => $"{Host}/{RepositoryOf(service)}";

    public override string ToString() => Namespace.Length == 0 ? Host : $"{Host}/{Namespace}";

    private static bool IsPathComponent(string part) =>
        part.Length > 0 && part.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '-') && char.IsAsciiLetterOrDigit(part[0]);
}
