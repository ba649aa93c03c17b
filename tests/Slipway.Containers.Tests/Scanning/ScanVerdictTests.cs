using Slipway.Containers.Scanning;
using Slipway.Containers.Scanning.Coverage;
using Slipway.Containers.Scanning.Findings;
using Slipway.Containers.Scanning.Policy;
using Slipway.Containers.Scanning.Reports;
using Slipway.Containers.Tests.Scanning.Support;

namespace Slipway.Containers.Tests.Scanning;

/// <summary>"Not checked" is said in the summary row, Markdown and SARIF, never shown as "no findings"; --scan-fail-unchecked makes it a failure.</summary>
public class ScanVerdictTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly PolicyResult Clean = ScanPolicy.Evaluate([], new PolicySettings(Severity.High, false, IgnoreFile.Empty), Now);

    private static IReadOnlyList<ImageCoverage> Coverage(params (string Ecosystem, bool Checked)[] ecosystems) =>
        [new ImageCoverage("api", "linux/amd64", ecosystems.Select(e => new EcosystemCoverage(e.Ecosystem, 3, e.Checked, e.Checked ? "checked" : $"no {e.Ecosystem} advisories were available")).ToList())];

    [Fact]
    public void With_no_advisory_source_the_row_says_vulnerabilities_were_not_checked()
    {
        var verdict = ScanVerdict.Of(Clean, Coverage(("Debian", false), ("NuGet", false)), requireChecked: false);
        Assert.True(verdict.NothingChecked);
        Assert.Equal("vulnerabilities not checked: Debian in api, NuGet in api", verdict.Summary);
        Assert.DoesNotContain("no findings", verdict.Summary);
        Assert.True(verdict.Passed);
        Assert.Null(verdict.Failure("summary.md"));
    }

    [Fact]
    public void Partly_checked_says_findings_in_what_was_checked_and_what_was_not()
    {
        var verdict = ScanVerdict.Of(Clean, Coverage(("Debian", true), ("Maven", false)), requireChecked: false);
        Assert.False(verdict.NothingChecked);
        Assert.Equal("no findings at or above HIGH in what was checked; not checked: Maven in api", verdict.Summary);
    }

    [Fact]
    public void Everything_checked_is_the_policys_own_summary()
    {
        var verdict = ScanVerdict.Of(Clean, Coverage(("Debian", true)), requireChecked: true);
        Assert.Equal("no findings at or above HIGH", verdict.Summary);
        Assert.Null(verdict.NotCheckedSentence);
        Assert.True(verdict.Passed);
    }

    [Fact]
    public void The_failure_parameter_turns_not_checked_into_a_failed_scan()
    {
        var verdict = ScanVerdict.Of(Clean, Coverage(("Debian", false)), requireChecked: true);
        Assert.False(verdict.Passed);
        Assert.Equal("Scan gate: --scan-fail-unchecked is set and these packages were not checked for vulnerabilities: Debian in api; see artifacts/scan/summary.md.",
            verdict.Failure("artifacts/scan/summary.md"));
    }

    [Fact]
    public void Markdown_and_SARIF_say_it_too()
    {
        var coverage = Coverage(("Debian", false));
        var verdict = ScanVerdict.Of(Clean, coverage, requireChecked: false);
        var markdown = MarkdownSummary.Create([Inventories.Image("api", Inventories.Deb("libc6", "2.36-9"))], verdict, coverage);
        Assert.StartsWith("## Image scan: not checked", markdown);
        Assert.Contains("vulnerabilities not checked: Debian in api. Threshold HIGH.", markdown);

        var sarif = SarifReport.Create(Clean, "1.0.0", verdict.NotCheckedSentence);
        var notification = sarif["runs"]![0]!["invocations"]![0]!["toolExecutionNotifications"]![0]!;
        Assert.Equal("warning", (string)notification["level"]!);
        Assert.Equal("Vulnerabilities were not checked: no advisories could be matched for Debian in api.", (string)notification["message"]!["text"]!);
        Assert.Empty(sarif["runs"]![0]!["results"]!.AsArray());
    }
}
