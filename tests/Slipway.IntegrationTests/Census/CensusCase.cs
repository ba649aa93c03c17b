namespace Slipway.IntegrationTests.Census;

/// <summary>Where a census case runs: this repository, a copy outside git, or a copy in a repository with no commits.</summary>
public enum CensusPlace
{
    Repository,
    NotInGit,
    NoCommits,
}

/// <summary>
/// One bad input: the arguments of <c>./build.sh</c> (made from the workspace, which holds the files they name), and
/// what the error must say: the parameter or file, the field, the bad value and what was expected.
/// </summary>
public sealed record CensusCase(string Name, Func<CensusWorkspace, string[]> Arguments, string[] Expected, CensusPlace Place = CensusPlace.Repository)
{
    public override string ToString() => Name;
}
