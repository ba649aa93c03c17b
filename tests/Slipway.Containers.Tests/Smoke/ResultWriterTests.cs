using System.Xml.Linq;
using Slipway.Containers.Smoke.Results;
using Slipway.Containers.Smoke.Running;

namespace Slipway.Containers.Tests.Smoke;

public sealed class ResultWriterTests
{
    private static readonly CheckResult Passed = new("proxy healthz", TimeSpan.FromMilliseconds(1500), 2);

    private static readonly CheckResult Failed = new("item round trip", TimeSpan.FromSeconds(60), 12, "create",
        new StepAttempt("POST http://proxy:8080/api/items\n    (sent to 127.0.0.1:8080)", ["status 500, expected 201"], 500,
            StepAttempt.Excerpt(new string('x', 3000))),
        "still failing at the check's timeout of 60 s");

    [Fact]
    public void JUnit_has_one_suite_with_a_testcase_per_check_and_failures_with_the_report()
    {
        var xml = JUnitWriter.Write("smoke.yaml", [Passed, Failed], TimeSpan.FromSeconds(61.5), new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.FromHours(2)));
        var root = XDocument.Parse(xml).Root!;

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", xml);
        Assert.Equal("testsuites", root.Name.LocalName);
        Assert.Equal(("2", "1", "0", "61.500"), ((string)root.Attribute("tests")!, (string)root.Attribute("failures")!, (string)root.Attribute("errors")!, (string)root.Attribute("time")!));
        var suite = Assert.Single(root.Elements("testsuite"));
        Assert.Equal("smoke.yaml", (string)suite.Attribute("name")!);
        Assert.Equal(("2", "1", "0"), ((string)suite.Attribute("tests")!, (string)suite.Attribute("failures")!, (string)suite.Attribute("skipped")!));
        Assert.Equal("2024-05-01T08:00:00", (string)suite.Attribute("timestamp")!);

        var cases = suite.Elements("testcase").ToList();
        Assert.Equal(["proxy healthz", "item round trip"], cases.Select(c => (string)c.Attribute("name")!));
        Assert.Equal(["1.500", "60.000"], cases.Select(c => (string)c.Attribute("time")!));
        Assert.All(cases, c => Assert.Equal("smoke", (string)c.Attribute("classname")!));
        Assert.Empty(cases[0].Elements());
        var failure = Assert.Single(cases[1].Elements("failure"));
        Assert.Equal("at step 'create': status 500, expected 201", (string)failure.Attribute("message")!);
        Assert.Contains("response status: 500", failure.Value);
    }

    [Fact]
    public void A_failure_report_shows_the_request_the_status_and_the_first_2_KB_of_the_body()
    {
        var report = FailureReport.Describe(Failed);

        Assert.StartsWith("Check 'item round trip' failed at step 'create' after 12 tries in 60.0 s: still failing at the check's timeout of 60 s", report);
        Assert.Contains("  - status 500, expected 201", report);
        Assert.Contains("  request: POST http://proxy:8080/api/items", report);
        Assert.Contains("(sent to 127.0.0.1:8080)", report);
        Assert.Contains("  response status: 500", report);
        Assert.Contains("    " + new string('x', 2048) + "… (952 more characters)", report);
        Assert.DoesNotContain(new string('x', 2049), report);
    }

    [Fact]
    public void A_check_that_never_got_an_answer_says_only_that()
    {
        var report = FailureReport.Describe(new CheckResult("c", TimeSpan.FromSeconds(5), 1, "s", null, "no try finished within the check's timeout of 5 s"));
        Assert.Equal("Check 'c' failed at step 's' after 1 try in 5.0 s: no try finished within the check's timeout of 5 s", report);
    }

    [Fact]
    public void A_single_step_check_is_not_named_twice()
    {
        var single = Failed with { Name = "create" };
        Assert.StartsWith("Check 'create' failed after 12 tries", FailureReport.Describe(single));
        var failure = XDocument.Parse(JUnitWriter.Write("smoke.yaml", [single], TimeSpan.FromSeconds(1), DateTimeOffset.UnixEpoch)).Descendants("failure").Single();
        Assert.Equal("status 500, expected 201", (string)failure.Attribute("message")!);
    }
}
