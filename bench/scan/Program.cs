using System.Diagnostics;
using Docker.DotNet;
using Serilog.Core;
using Slipway.Containers.Images;
using Slipway.Containers.Images.ContentStore;
using Slipway.Containers.Scanning.Inventory;
using Slipway.Containers.Scanning.Inventory.ContentStore;
using Slipway.Containers.Scanning.Inventory.Layers;

// Time to inventory an image compared with its size: MB of (compressed) layer data per second. Measured per image:
//   store   — the whole inventory from containerd's content store (what ScanImages uses with the containerd image store);
//   cpu     — the CPU time the store path took, Slipway's and containerd's together: MB per CPU-second does not depend
//             on what else the machine is running, on an idle 2-core machine the store path reaches up to twice it;
//   export  — the whole inventory from the engine's export through the Docker API (the fallback, e.g. Docker Desktop);
//   engine  — the engine's export alone, kept in memory: the floor the export path cannot go below;
//   parse   — Slipway's own part alone: that export replayed from memory (decompression, tar walk, whiteouts, catalogers).
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

var socket = ContainerdSocket.Find();
if (socket is null)
{
    Console.Error.WriteLine($"No containerd socket (CONTAINERD_ADDRESS, {string.Join(", ", ContainerdSocket.KnownPaths)}): only the export path can be measured, and this benchmark measures both.");
    return 1;
}
// Docker's own containerd writes its pid beside its socket; a system containerd is not counted in the CPU column.
var pidFile = Path.Combine(Path.GetDirectoryName(socket.Path)!, "containerd.pid");
var containerd = File.Exists(pidFile) ? Process.GetProcessById(int.Parse(File.ReadAllText(pidFile).Trim())) : null;
using var docker = new DockerClientBuilder().Build();
using var exportReader = new ImageReader(docker, null, Logger.None);
using var storeReader = new ImageReader(docker, new ContainerdContentStore(socket), Logger.None);
Console.WriteLine($"containerd content store: {socket.Path}; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at start, {Environment.ProcessorCount} cores");
Console.WriteLine($"{"image",-40} {"packages",8} {"layers MB",9} {"store s",7} {"MB/s",5} {"cpu s",5} {"MB/cpu-s",8} {"export s",8} {"MB/s",5} {"engine s",8} {"MB/s",5} {"parse s",7} {"MB/s",5}");
double storeTotal = 0, exportTotal = 0, cpuTotal = 0, megabytesTotal = 0;
foreach (var name in images)
{
    var inspect = await docker.Images.InspectImageAsync(name);
    var image = new BuiltImage { Service = name, Reference = name, Repository = name.Split(':')[0], Tag = "", Digest = inspect.ID, Manifests = [] };
    for (var run = 0; run < runs; run++)
    {
        var cpuBefore = CpuTime(containerd);
        var (storeSeconds, stored) = await TimeAsync(() => storeReader.ReadAsync(image, default));
        var cpuSeconds = (CpuTime(containerd) - cpuBefore).TotalSeconds;
        if (stored.Source != ImageSource.ContentStore) throw new InvalidOperationException($"{name}: the content store could not be read; see above.");
        var (exportSeconds, exported) = await TimeAsync(() => exportReader.ReadAsync(image, default));

        var copy = new MemoryStream();
        var (engineSeconds, _) = await TimeAsync(async () =>
        {
            await using var stream = await docker.Images.SaveImageAsync(inspect.ID, default);
            await stream.CopyToAsync(copy);
            return 0;
        });
        copy.Position = 0;
        var (parseSeconds, _) = await TimeAsync(async () =>
        {
            var archive = await ImageArchive.ReadAsync(copy, default);
            foreach (var platform in archive.Platforms()) ImageInventory.Catalog(archive.Files(platform));
            return 0;
        });

        var mb = stored.LayerBytes / 1e6;
        storeTotal += storeSeconds;
        cpuTotal += cpuSeconds;
        exportTotal += exportSeconds;
        megabytesTotal += mb;
        Console.WriteLine($"{name,-40} {stored.Inventories.Sum(x => x.Packages.Count),8} {mb,9:0.0} {storeSeconds,7:0.00} {mb / storeSeconds,5:0} {cpuSeconds,5:0.00} {mb / cpuSeconds,8:0} {exportSeconds,8:0.00} {exported.LayerBytes / 1e6 / exportSeconds,5:0} {engineSeconds,8:0.00} {mb / engineSeconds,5:0} {parseSeconds,7:0.00} {mb / parseSeconds,5:0}");
    }
}
Console.WriteLine($"overall: content store {megabytesTotal / storeTotal:0} MB/s ({megabytesTotal / cpuTotal:0} MB per CPU-second), export {megabytesTotal / exportTotal:0} MB/s ({megabytesTotal:0} MB of layers per path); load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at the end");
return 0;

static TimeSpan CpuTime(Process? containerd)
{
    containerd?.Refresh();
    return Process.GetCurrentProcess().TotalProcessorTime + (containerd?.TotalProcessorTime ?? TimeSpan.Zero);
}

static async Task<(double Seconds, T Result)> TimeAsync<T>(Func<Task<T>> action)
{
    var watch = Stopwatch.StartNew();
    var result = await action();
    return (watch.Elapsed.TotalSeconds, result);
}
