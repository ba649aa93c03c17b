using Slipway.Build.Workflows.Rehearsal;

namespace Slipway.Build.Tests.Rehearsal;

/// <summary>upload-artifact v4's path rules: which files an upload takes and the folder their stored paths are relative to.</summary>
public sealed class UploadSearchTests : IDisposable
{
    private readonly string _workspace = Directory.CreateTempSubdirectory("slipway-upload-").FullName;

    public UploadSearchTests()
    {
        foreach (var file in new[] { "artifacts/images.json", "artifacts/pushed.json", "artifacts/scan/api.sarif", "artifacts/scan/sbom/api.cdx.json",
                     "artifacts/scan/.cache/x", "artifacts/tests/a.trx", "artifacts/tests/deep/b.xml", "artifacts/.hidden.json", "home/report.txt" })
        {
            var path = Path.Combine(_workspace, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file);
        }
    }

    private UploadSelection Find(string path, bool hidden = false) => UploadSearch.Find(_workspace, path, hidden, Path.Combine(_workspace, "home"));

    private IReadOnlyList<string> Stored(UploadSelection selection) => selection.Files.Select(f => Path.GetRelativePath(selection.Root, f)).ToList();

    [Fact]
    public void A_single_file_is_stored_by_its_name()
    {
        var selection = Find("artifacts/images.json");
        Assert.Equal(Path.Combine(_workspace, "artifacts"), selection.Root);
        Assert.Equal(["images.json"], Stored(selection));
    }

    [Fact]
    public void A_glob_keeps_the_paths_below_its_literal_folders_without_hidden_files()
    {
        var selection = Find("artifacts/scan/**");
        Assert.Equal(Path.Combine(_workspace, "artifacts", "scan"), selection.Root);
        Assert.Equal(["api.sarif", "sbom/api.cdx.json"], Stored(selection));
        Assert.Equal([".cache/x", "api.sarif", "sbom/api.cdx.json"], Stored(Find("artifacts/scan/**", hidden: true)));
    }

    [Fact]
    public void A_folder_takes_everything_below_it_and_a_single_star_matches_folders_too()
    {
        Assert.Equal(["a.trx", "deep/b.xml"], Stored(Find("artifacts/tests")));
        var selection = Find("artifacts/*");
        Assert.Equal(Path.Combine(_workspace, "artifacts"), selection.Root);
        Assert.Equal(["images.json", "pushed.json", "scan/api.sarif", "scan/sbom/api.cdx.json", "tests/a.trx", "tests/deep/b.xml"], Stored(selection));
    }

    [Fact]
    public void Several_patterns_are_stored_relative_to_the_deepest_folder_they_share()
    {
        var selection = Find("artifacts/tests/**\nartifacts/scan/api.sarif\n");
        Assert.Equal(Path.Combine(_workspace, "artifacts"), selection.Root);
        Assert.Equal(["scan/api.sarif", "tests/a.trx", "tests/deep/b.xml"], Stored(selection));
    }

    [Fact]
    public void A_pattern_below_another_searches_nothing_new_and_exclusions_leave_files_out()
    {
        var selection = Find("artifacts/**\nartifacts/scan/**\n!artifacts/tests\n!**/*.sarif");
        Assert.Equal(Path.Combine(_workspace, "artifacts"), selection.Root);
        Assert.Equal(["images.json", "pushed.json", "scan/sbom/api.cdx.json"], Stored(selection));
    }

    [Fact]
    public void Home_and_absolute_paths_and_nothing_found()
    {
        Assert.Equal(["report.txt"], Stored(Find("~/report.txt")));
        Assert.Equal(["images.json"], Stored(Find(Path.Combine(_workspace, "artifacts", "images.json"))));
        Assert.Empty(Find("artifacts/missing/**").Files);
        Assert.Empty(Find("artifacts/.hidden.json").Files);
    }

    public void Dispose() => Directory.Delete(_workspace, recursive: true);
}
