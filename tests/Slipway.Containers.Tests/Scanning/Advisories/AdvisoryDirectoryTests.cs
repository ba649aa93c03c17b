using Slipway.Containers.Scanning.Advisories;

namespace Slipway.Containers.Tests.Scanning.Advisories;

public sealed class AdvisoryDirectoryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("slipway-osv-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Reads_single_records_arrays_and_api_answers_in_nested_folders()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "npm"));
        File.WriteAllText(Path.Combine(_directory, "a.json"), """{ "id": "A-1", "affected": [] }""");
        File.WriteAllText(Path.Combine(_directory, "npm", "b.json"), """[ { "id": "B-1" }, { "id": "B-2" } ]""");
        File.WriteAllText(Path.Combine(_directory, "c.json"), """{ "vulns": [ { "id": "C-1" } ] }""");
        File.WriteAllText(Path.Combine(_directory, "notes.txt"), "not an advisory");

        Assert.Equal(["A-1", "B-1", "B-2", "C-1"], AdvisoryDirectory.Load(_directory).Select(a => a.Id).Order());
    }

    [Fact]
    public void Bad_records_name_the_file_and_the_field()
    {
        var file = Path.Combine(_directory, "bad.json");
        File.WriteAllText(file, """{ "id": "X-1", "affected": [ { "package": { "name": "p" } } ] }""");
        var error = Assert.Throws<InvalidDataException>(() => AdvisoryDirectory.Load(_directory));
        Assert.Contains(file, error.Message);
        Assert.Contains("package.ecosystem", error.Message);

        File.WriteAllText(file, """{ "summary": "no id" }""");
        Assert.Contains("'id'", Assert.Throws<InvalidDataException>(() => AdvisoryDirectory.Load(_directory)).Message);

        File.WriteAllText(file, "{ not json");
        Assert.Contains("not valid JSON", Assert.Throws<InvalidDataException>(() => AdvisoryDirectory.Load(_directory)).Message);
    }

    [Fact]
    public void A_missing_directory_is_an_error_naming_it()
    {
        var missing = Path.Combine(_directory, "missing");
        Assert.Contains(missing, Assert.Throws<DirectoryNotFoundException>(() => AdvisoryDirectory.Load(missing)).Message);
    }
}
