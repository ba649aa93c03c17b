using Slipway.Containers.Scanning.Findings;
using Slipway.Containers.Scanning.Policy;
using Slipway.Containers.Tests.Scanning.Support;

namespace Slipway.Containers.Tests.Scanning.Policy;

public class ScanPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static PolicyResult Evaluate(IEnumerable<Finding> findings, Severity threshold = Severity.High, bool ignoreUnfixed = false, string ignores = "") =>
        ScanPolicy.Evaluate(findings, new PolicySettings(threshold, ignoreUnfixed, IgnoreFile.Parse(ignores, ".trivyignore")), Now);

    [Fact]
    public void Fails_on_findings_at_or_above_the_threshold()
    {
        Assert.False(Evaluate([Findings.Of("CVE-1", Severity.High)]).Passed);
        Assert.False(Evaluate([Findings.Of("CVE-1", Severity.Critical)]).Passed);
        Assert.True(Evaluate([Findings.Of("CVE-1", Severity.Medium)]).Passed);
        Assert.False(Evaluate([Findings.Of("CVE-1", Severity.Medium)], Severity.Medium).Passed);
        Assert.True(Evaluate([Findings.Of("CVE-1", Severity.High)], Severity.Critical).Passed);
    }

    [Fact]
    public void Ignores_by_id_or_alias_until_the_entry_expires_and_warns_once_expired()
    {
        var finding = Findings.Of("DSA-5532-1", Severity.Critical, aliases: ["CVE-2023-5678"]);

        var ignored = Evaluate([finding], ignores: "CVE-2023-5678 exp:2026-06-02");
        Assert.True(ignored.Passed);
        Assert.Equal(FindingStatus.Ignored, ignored.Findings.Single().Status);
        Assert.Equal(".trivyignore:1 until 2026-06-02", ignored.Findings.Single().Reason);
        Assert.Empty(ignored.Warnings);

        var expired = Evaluate([finding], ignores: "CVE-2023-5678 exp:2026-06-01");
        Assert.False(expired.Passed);
        Assert.Contains("expired on 2026-06-01", Assert.Single(expired.Warnings));
    }

    [Fact]
    public void Ignore_unfixed_ignores_findings_without_a_fix()
    {
        var unfixed = Findings.Of("CVE-1", Severity.Critical, fixedVersion: null);
        Assert.False(Evaluate([unfixed]).Passed);
        var result = Evaluate([unfixed], ignoreUnfixed: true);
        Assert.True(result.Passed);
        Assert.Contains("--scan-ignore-unfixed", result.Findings.Single().Reason);
        Assert.False(Evaluate([Findings.Of("CVE-2", Severity.Critical, fixedVersion: "1.1")], ignoreUnfixed: true).Passed);
    }

    [Fact]
    public void Summary_counts_failing_by_severity_once_per_image_and_the_ignored()
    {
        var result = Evaluate(
        [
            Findings.Of("CVE-1", Severity.Critical), Findings.Of("CVE-1", Severity.Critical, platform: "linux/arm64"),
            Findings.Of("CVE-2", Severity.Critical, service: "worker"),
            Findings.Of("CVE-3", Severity.High), Findings.Of("CVE-4", Severity.High, package: "libbar"),
            Findings.Of("CVE-5", Severity.High), Findings.Of("CVE-6", Severity.High), Findings.Of("CVE-7", Severity.High),
            Findings.Of("CVE-8", Severity.Medium),
            Findings.Of("CVE-9", Severity.Critical), Findings.Of("CVE-10", Severity.High), Findings.Of("CVE-11", Severity.Low),
        ], ignores: "CVE-9\nCVE-10\nCVE-11");

        Assert.Equal("2 critical, 5 high (3 ignored)", result.Summary);
        Assert.Equal("no findings at or above HIGH", Evaluate([]).Summary);
    }

    [Fact]
    public void Findings_are_ordered_failing_first_then_by_severity()
    {
        var result = Evaluate([Findings.Of("CVE-low", Severity.Low), Findings.Of("CVE-high", Severity.High), Findings.Of("CVE-crit", Severity.Critical)]);
        Assert.Equal(["CVE-crit", "CVE-high", "CVE-low"], result.Findings.Select(f => f.Finding.AdvisoryId));
        Assert.Equal(FindingStatus.BelowThreshold, result.Findings[^1].Status);
    }
}
