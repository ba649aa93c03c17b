namespace Slipway.Build.Tests.Infrastructure;

/// <summary>Lets component interfaces of the tests record that their targets ran.</summary>
public interface IRecords
{
    List<string> Ran { get; }
}

/// <summary>A test build that records, in order, which targets ran.</summary>
public abstract class RecordingBuild : SlipwayBuild, IRecords
{
    public List<string> Ran { get; } = [];
}
