using Slipway.Build.Workflows.Rehearsal;

namespace Slipway.Build.Tests.Rehearsal;

/// <summary>The artifact folder: a name once per run (unless overwrite), and download-artifact v4's destinations.</summary>
public sealed class ArtifactStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("slipway-store-").FullName;
    private ArtifactStore Store => new(Path.Combine(_folder, "store"));

    private UploadSelection Files(string job, params string[] files)
    {
        var root = Path.Combine(_folder, job);
        foreach (var file in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, file))!);
            File.WriteAllText(Path.Combine(root, file), $"{job}:{file}");
        }

        return new UploadSelection(files.Select(f => Path.Combine(root, f)).ToList(), root);
    }

    private IReadOnlyList<string> Tree(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order().ToList();

    [Fact]
    public void A_name_is_taken_once_unless_overwrite_replaces_it()
    {
        Assert.Equal(2, Store.Upload("build-images-linux-amd64", Files("a", "images.json", "scan/x.sarif"), overwrite: false));
        var twice = Assert.Throws<StepFailedException>(() => Store.Upload("build-images-linux-amd64", Files("b", "images.json"), overwrite: false));
        Assert.Contains("An artifact named 'build-images-linux-amd64' was uploaded before in this run", twice.Message);
        Store.Upload("build-images-linux-amd64", Files("b", "images.json"), overwrite: true);
        Assert.Equal(["images.json"], Tree(Path.Combine(Store.Folder, "build-images-linux-amd64")));
        Assert.Contains("is not valid", Assert.Throws<StepFailedException>(() => Store.Upload("a/b", Files("c", "f"), overwrite: false)).Message);
    }

    [Fact]
    public void Downloads_by_name_into_path_or_every_artifact_into_a_folder_of_its_name_or_merged()
    {
        Store.Upload("push-by-digest-linux-amd64", Files("amd", "pushed.json"), false);
        Store.Upload("push-by-digest-linux-arm64", Files("arm", "pushed.json", "more/x.txt"), false);
        Store.Upload("test", Files("test", "t.xml"), false);

        var named = Path.Combine(_folder, "named");
        Assert.Equal(["push-by-digest-linux-arm64"], Store.Download("push-by-digest-linux-arm64", null, named, false, _ => null));
        Assert.Equal(["more/x.txt", "pushed.json"], Tree(named));

        var all = Path.Combine(_folder, "all");
        Store.Download(null, "push-by-digest-*", all, false, _ => null);
        Assert.Equal(["push-by-digest-linux-amd64/pushed.json", "push-by-digest-linux-arm64/more/x.txt", "push-by-digest-linux-arm64/pushed.json"], Tree(all));

        var merged = Path.Combine(_folder, "merged");
        Assert.Equal(["push-by-digest-linux-amd64", "push-by-digest-linux-arm64", "test"], Store.Download(null, null, merged, true, _ => null));
        Assert.Equal(["more/x.txt", "pushed.json", "t.xml"], Tree(merged));
    }

    [Fact]
    public void A_missing_artifact_fails_the_download_with_the_reason_and_what_there_is()
    {
        Store.Upload("test", Files("test", "t.xml"), false);
        var missing = Assert.Throws<StepFailedException>(() => Store.Download("build-images-linux-arm64", null, Path.Combine(_folder, "x"), false, _ => "images (linux/arm64) uploads it, and was not rehearsed"));
        Assert.Equal("Artifact 'build-images-linux-arm64' not found: images (linux/arm64) uploads it, and was not rehearsed. Uploaded in this run: test.", missing.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
