using System.Diagnostics;
using Docker.DotNet;
using Slipway.Containers.Images;
using Slipway.Containers.Scanning.Inventory;
using Slipway.Containers.Scanning.Inventory.Layers;

// Time to inventory an image compared with its size: MB of (compressed) layer data per second, for the whole
// inventory (engine export + decompression + catalogers), for the engine's export alone, and for Slipway's own
// part alone (the same export replayed from memory: decompression, tar walk, whiteouts, catalogers).
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
Console.WriteLine($"{"image",-28} {"platforms",-24} {"packages",8} {"layers MB",9} {"export s",8} {"MB/s",5} {"parse s",7} {"MB/s",5} {"inventory s",11} {"MB/s",5}");
foreach (var name in images)
{
    var inspect = await docker.Images.InspectImageAsync(name);
    var image = new BuiltImage { Service = name, Reference = name, Repository = name.Split(':')[0], Tag = "", Digest = inspect.ID, Manifests = [] };
    for (var run = 0; run < runs; run++)
    {
        // The engine's export alone, kept in memory: the floor the inventory cannot go below.
        var export = Stopwatch.StartNew();
        var copy = new MemoryStream();
        await using (var stream = await docker.Images.SaveImageAsync(inspect.ID, default))
            await stream.CopyToAsync(copy);
        var exportSeconds = export.Elapsed.TotalSeconds;

        // Slipway's part alone: the same bytes read from memory.
        copy.Position = 0;
        var parse = Stopwatch.StartNew();
        var archive = await ImageArchive.ReadAsync(copy, default);
        foreach (var platform in archive.Platforms()) ImageInventory.Catalog(archive.Files(platform));
        var parseSeconds = parse.Elapsed.TotalSeconds;

        var watch = Stopwatch.StartNew();
        var (inventories, layerBytes) = await reader.ReadAsync(image, default);
        var seconds = watch.Elapsed.TotalSeconds;
        var mb = layerBytes / 1e6;
        Console.WriteLine($"{name,-28} {string.Join(",", inventories.Select(x => x.Platform)),-24} {inventories.Sum(x => x.Packages.Count),8} {mb,9:0.0} {exportSeconds,8:0.00} {mb / exportSeconds,5:0} {parseSeconds,7:0.00} {mb / parseSeconds,5:0} {seconds,11:0.00} {mb / seconds,5:0}");
    }
}
return 0;
