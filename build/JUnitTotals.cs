using System.Xml.Linq;

/// <summary>Test counts summed over the JUnit XML files in a folder.</summary>
sealed record JUnitTotals(int Passed, int Failed, int Skipped)
{
    public static JUnitTotals Read(string directory)
    {
        int total = 0, failed = 0, skipped = 0;
        foreach (var file in Directory.GetFiles(directory, "*.junit.xml"))
        foreach (var suite in XDocument.Load(file).Descendants("testsuite"))
        {
            total += (int?)suite.Attribute("tests") ?? 0;
            failed += ((int?)suite.Attribute("failures") ?? 0) + ((int?)suite.Attribute("errors") ?? 0);
            skipped += (int?)suite.Attribute("skipped") ?? 0;
        }

        return new JUnitTotals(total - failed - skipped, failed, skipped);
    }
}
