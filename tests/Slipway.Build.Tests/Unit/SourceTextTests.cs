namespace Slipway.Build.Tests.Unit;

public class SourceTextTests
{
    [Theory]
    [InlineData("() => IsServerBuild", "IsServerBuild")]
    [InlineData("_ => Enabled", "Enabled")]
    [InlineData("() =>\n        Platforms.Length > 1   &&\n  !NoCache", "Platforms.Length > 1 && !NoCache")]
    [InlineData("CheckSomething", "CheckSomething")]
    [InlineData("x => x.Ready", "x => x.Ready")]
    [InlineData(null, "(condition)")]
    public void A_lambda_reads_as_its_body(string? text, string expected) => Assert.Equal(expected, SourceText.OfLambda(text));

    [Theory]
    [InlineData("Registry", "Registry")]
    [InlineData("From<IPublish>().Registry", "Registry")]
    [InlineData("this.Registry_Password ", "Registry_Password")]
    [InlineData("Tags!", "Tags")]
    public void The_last_identifier_names_the_parameter(string text, string expected) => Assert.Equal(expected, SourceText.LastIdentifier(text));
}
