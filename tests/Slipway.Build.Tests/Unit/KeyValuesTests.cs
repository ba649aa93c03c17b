namespace Slipway.Build.Tests.Unit;

public sealed class KeyValuesTests
{
    [Fact]
    public void Words_split_at_the_first_equals_sign()
    {
        var values = KeyValues.Parse("BuildArg", ["A=1", "URL=http://x/?a=b", "EMPTY="]);

        Assert.Equal(new Dictionary<string, string> { ["A"] = "1", ["URL"] = "http://x/?a=b", ["EMPTY"] = "" }, values);
    }

    [Theory]
    [InlineData("NOVALUE")]
    [InlineData("=1")]
    public void A_word_without_a_key_names_the_parameter_and_the_word(string word)
    {
        var error = Assert.Throws<ParameterException>(() => KeyValues.Parse("ComposeEnv", [word]));

        Assert.Equal($"Parameter 'ComposeEnv': '{word}' is not KEY=VALUE.", error.Message);
    }
}
