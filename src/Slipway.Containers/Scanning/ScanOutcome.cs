using Slipway.Containers.Scanning.Coverage;
using Slipway.Containers.Scanning.Inventory;
using Slipway.Containers.Scanning.Policy;

namespace Slipway.Containers.Scanning;

/// <summary>What a scan found and wrote.</summary>
public sealed record ScanOutcome(
    IReadOnlyList<ImageInventory> Inventories,
    PolicyResult Policy,
    IReadOnlyList<ImageCoverage> Coverage,
    ScanVerdict Verdict,
    IReadOnlyList<string> SbomFiles,
    string SarifFile,
    string FindingsFile,
    string SummaryFile,
    string Markdown);
