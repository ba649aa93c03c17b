using Slipway.IntegrationTests.Support;

namespace Slipway.IntegrationTests.Census;

/// <summary>
/// Every bad input of the census fails with exit code 1 and a message that names it and what was expected, before any
/// target runs (so before Restore and BuildImages), with no stack trace, no secret in the output, and nothing left
/// behind: no compose project started and no temporary folder.
/// </summary>
public sealed class BadInputCensusTests(CensusWorkspace workspace) : IClassFixture<CensusWorkspace>
{
    public static TheoryData<string> Names => new(CensusCases.All.Select(c => c.Name));

    [Fact]
    public void The_census_has_at_least_sixty_cases() => Assert.True(CensusCases.All.Count >= 60, $"{CensusCases.All.Count} cases");

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_bad_input_is_a_clear_error_before_any_target_runs(string name)
    {
        var census = CensusCases.All.Single(c => c.Name == name);
        var directory = census.Place switch
        {
            CensusPlace.NotInGit => workspace.NotInGit,
            CensusPlace.NoCommits => workspace.NoCommits,
            _ => workspace.Root,
        };
        // The run's temporary files go to a folder of its own, which must be empty afterwards.
        var temp = Directory.CreateTempSubdirectory("slipway-census-run-");
        try
        {
            var result = await CommandLine.RunAsync(Path.Combine(directory, "build.sh"), census.Arguments(workspace), directory,
                new Dictionary<string, string> { ["NO_COLOR"] = "1", ["TMPDIR"] = temp.FullName }, TimeSpan.FromMinutes(3));
            var output = result.Output + result.Error;

            Assert.True(result.ExitCode == 1, $"exit code {result.ExitCode}:\n{output}");
            foreach (var expected in census.Expected) Assert.True(output.Contains(expected, StringComparison.Ordinal), $"'{expected}' is missing from:\n{output}");
            Assert.DoesNotContain("── Restore", output);
            Assert.DoesNotContain("── BuildImages", output);
            Assert.DoesNotContain("Starting project", output);
            Assert.DoesNotContain("   at ", output);
            Assert.DoesNotContain("census-secret-1", output);
            Assert.Empty(temp.EnumerateFileSystemInfos());
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }
}
