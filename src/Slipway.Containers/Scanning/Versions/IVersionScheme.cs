namespace Slipway.Containers.Scanning.Versions;

/// <summary>How one ecosystem orders its version strings.</summary>
public interface IVersionScheme
{
    /// <summary>Compares two versions; false when either is not a version of this scheme.</summary>
    bool TryCompare(string left, string right, out int order);
}
