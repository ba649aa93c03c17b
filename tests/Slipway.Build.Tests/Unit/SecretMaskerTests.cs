using Slipway.Build.Logging;

namespace Slipway.Build.Tests.Unit;

public class SecretMaskerTests
{
    [Fact]
    public void Every_occurrence_of_every_secret_is_masked()
    {
        var masker = new SecretMasker();
        masker.Add("hunter2");
        masker.Add("t0ken");
        Assert.Equal("user *** pass *** again ***", masker.Apply("user t0ken pass hunter2 again hunter2"));
    }

    [Fact]
    public void A_secret_that_contains_another_is_masked_whole()
    {
        var masker = new SecretMasker();
        masker.Add("abc");
        masker.Add("xxabcxx");
        Assert.Equal("[***] [***]", masker.Apply("[xxabcxx] [abc]"));
    }

    [Fact]
    public void Empty_and_null_values_are_not_secrets()
    {
        var masker = new SecretMasker();
        masker.Add("");
        masker.Add(null);
        Assert.False(masker.HasSecrets);
        Assert.Equal("text", masker.Apply("text"));
    }

    [Fact]
    public void Contains_tells_whether_text_has_a_secret()
    {
        var masker = new SecretMasker();
        masker.Add("s3cret");
        Assert.True(masker.Contains("a s3cret b"));
        Assert.False(masker.Contains("a S3CRET b"));
        Assert.False(masker.Contains(null));
    }
}
