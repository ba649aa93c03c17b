using System.Globalization;
using System.Xml.Linq;

namespace Slipway.Containers.Smoke.Results;

/// <summary>Smoke results as JUnit XML (testsuites → testsuite → testcase, failure text = the failure report), as CI test reporters read it.</summary>
public static class JUnitWriter
{
    public static string Write(string suiteName, IReadOnlyList<CheckResult> results, TimeSpan duration, DateTimeOffset started)
    {
        var failures = results.Count(r => !r.Passed).ToString(CultureInfo.InvariantCulture);
        var tests = results.Count.ToString(CultureInfo.InvariantCulture);
        var suite = new XElement("testsuite",
            new XAttribute("name", suiteName),
            new XAttribute("tests", tests),
            new XAttribute("failures", failures),
            new XAttribute("errors", "0"),
            new XAttribute("skipped", "0"),
            new XAttribute("time", Seconds(duration)),
            new XAttribute("timestamp", started.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)),
            results.Select(r => new XElement("testcase",
                new XAttribute("classname", "smoke"),
                new XAttribute("name", r.Name),
                new XAttribute("time", Seconds(r.Duration)),
                r.Passed ? null : new XElement("failure",
                    new XAttribute("message", $"{(FailureReport.At(r) is { Length: > 0 } at ? at.TrimStart() + ": " : "")}{r.LastAttempt?.Problems.FirstOrDefault() ?? r.Problem}"),
                    new XAttribute("type", "SmokeCheckFailed"),
                    FailureReport.Describe(r)))));
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("testsuites",
                new XAttribute("name", "smoke"),
                new XAttribute("tests", tests),
                new XAttribute("failures", failures),
                new XAttribute("errors", "0"),
                new XAttribute("time", Seconds(duration)),
                suite));
        using var writer = new Utf8StringWriter();
        document.Save(writer);
        return writer.ToString();
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    private sealed class Utf8StringWriter : StringWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
    }
}
