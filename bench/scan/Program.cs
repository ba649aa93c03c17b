using System.Diagnostics;
using Docker.DotNet;
using Slipway.Containers.Images;
using Slipway.Containers.Scanning.Inventory;

// Time to inventory an image compared with its size: MB of (compressed) layer data per second, for the whole
// inventory (engine export + decompression + catalogers) and, separately, for the engine's export alone.
// Usage: dotnet run -c Release --project bench/scan -- IMAGE [IMAGE…] [--runs N]
var runs = 3;
var images = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--runs") runs = int.Parse(args[++i]);
    else images.Add(args[i]);
}
if (images.Count == 0)
{
    Console.Error.WriteLine("usage: ScanBench IMAGE [IMAGE…] [--runs N]");
    return 2;
}

using var docker = new DockerClientBuilder().Build();
var reader = new ImageReader(docker);
Console.WriteLine($"{"image",-32} {"platforms",-24} {"packages",8} {"layers MB",10} {"export s",9} {"export MB/s",11} {"inventory s",11} {"MB/s",7}");
foreach (var name in images)
{
    var inspect = await docker.Images.InspectImageAsync(name);
    var image = new BuiltImage { Service = name, Reference = name, Repository = name.Split(':')[0], Tag = "", Digest = inspect.ID, Manifests = [] };
    for (var run = 0; run < runs; run++)
    {
        // The engine's export alone, drained: the floor the inventory cannot go below.
        var export = Stopwatch.StartNew();
        await using (var stream = await docker.Images.SaveImageAsync(inspect.ID, default))
            await stream.CopyToAsync(Stream.Null);
        var exportSeconds = export.Elapsed.TotalSeconds;

        var watch = Stopwatch.StartNew();
        var (inventories, layerBytes) = await reader.ReadAsync(image, default);
        var seconds = watch.Elapsed.TotalSeconds;
        var mb = layerBytes / 1e6;
        Console.WriteLine($"{name,-32} {string.Join(",", inventories.Select(x => x.Platform)),-24} {inventories.Sum(x => x.Packages.Count),8} {mb,10:0.0} {exportSeconds,9:0.00} {mb / exportSeconds,11:0} {seconds,11:0.00} {mb / seconds,7:0}");
    }
}
return 0;
