using Slipway.Containers.Scanning.Policy;

namespace Slipway.Containers.Tests.Scanning.Policy;

public class IgnoreFileTests
{
    [Fact]
    public void Reads_ids_expiries_and_comments()
    {
        var file = IgnoreFile.Parse("""
            # accepted risks
            CVE-2023-0001
            CVE-2023-0002 exp:2030-01-31   # until the base image moves

            GHSA-xxxx-yyyy-zzzz
            """, ".trivyignore");

        Assert.Equal(
            [("CVE-2023-0001", (DateOnly?)null, 2), ("CVE-2023-0002", new DateOnly(2030, 1, 31), 3), ("GHSA-xxxx-yyyy-zzzz", null, 5)],
            file.Entries.Select(e => (e.Id, e.Expires, e.Line)));
    }

    [Theory]
    [InlineData("2030-01-30T23:59:59Z", false)]
    [InlineData("2030-01-31T00:00:00Z", true)]
    [InlineData("2030-02-01T12:00:00Z", true)]
    public void An_entry_expires_when_its_date_begins(string now, bool expired)
    {
        var entry = IgnoreFile.Parse("CVE-1 exp:2030-01-31", "f").Entries.Single();
        Assert.Equal(expired, entry.IsExpired(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("CVE-1 exp:2030-13-01", "exp:YYYY-MM-DD")]
    [InlineData("CVE-1 until:2030-01-01", "unexpected 'until:2030-01-01'")]
    public void Bad_lines_name_the_file_and_line(string line, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => IgnoreFile.Parse("CVE-0\n" + line, "ci/.trivyignore"));
        Assert.Contains("ci/.trivyignore:2", error.Message);
        Assert.Contains(expected, error.Message);
    }
}
