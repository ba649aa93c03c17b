using Slipway.Build.Execution;
using Slipway.Containers.Engine;
using Slipway.Containers.Images;
using Slipway.Containers.Publishing.Merging;
using Slipway.Containers.Publishing.Registry;

namespace Slipway.Containers.Publishing;

/// <summary>One run of PushByDigest: each platform manifest of images.json (and its attestations) to the registry, untagged, and the push report for the merge job.</summary>
internal sealed class DigestPushRun(IPushByDigest build)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await PushAsync(cancellationToken);
        }
        catch (Exception e) when (e is RegistryException or InvalidDataException or FileNotFoundException)
        {
            throw new TargetFailedException(e.Message);
        }
    }

    private async Task PushAsync(CancellationToken cancellationToken)
    {
        var report = ImagesReport.Load(build.ImagesFile);
        var reportFile = build.ImagesFile.RelativeTo(build.RootDirectory).ToString();
        if (report.Images.Count == 0) throw new TargetFailedException($"{reportFile}: 'images' is empty: there is nothing to push.");
        var address = RegistryAddress.Parse(build.Registry!);
        var login = build.RegistryLogin;

        var pushed = new List<PushedImage>();
        using (var docker = DockerEngine.ConnectForTransfers())
        using (var registry = new RegistryClient(address, login))
        {
            var pusher = new DigestPusher(docker, registry, build.Log);
            foreach (var image in report.Images) pushed.Add(await pusher.PushAsync(image, address, cancellationToken));
        }

        new PushReport { Registry = address.ToString(), Revision = report.Revision, Version = report.Version, Images = pushed }.Save(build.PushReportFile);
        foreach (var image in pushed)
        foreach (var manifest in image.Manifests)
            build.Log.Information("{Service}: {Image}@{Digest} ({Platform})", image.Service, image.Image, manifest.Digest, manifest.Platform);
        var platforms = pushed.SelectMany(i => i.Manifests.Select(m => m.Platform)).Distinct().Order();
        build.ReportSummary($"{pushed.Count} images ({string.Join(", ", platforms)}) → {address} by digest; {build.PushReportFile.RelativeTo(build.RootDirectory)}");
    }
}
