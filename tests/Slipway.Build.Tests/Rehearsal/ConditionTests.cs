using Slipway.Build.Workflows.Rehearsal;

namespace Slipway.Build.Tests.Rehearsal;

/// <summary>
/// Step conditions as GitHub reads them, for the forms the generator writes (<c>${{ !cancelled() }}</c> on uploads, and
/// the SARIF upload's <c>hashFiles</c> test) and the defaults: no <c>if:</c> and an <c>if:</c> without a status function
/// both mean success() first.
/// </summary>
public sealed class ConditionTests
{
    private static ExpressionScope Scope(bool failed = false, bool cancelled = false, string sarifHash = "") =>
        new ExpressionScope(new Dictionary<string, object?> { ["matrix"] = ExpressionValue.Strings([KeyValuePair.Create("slug", "linux-amd64")]) })
            .With(new JobState(failed, cancelled), patterns => patterns.SequenceEqual(["artifacts/scan/**/*.sarif"]) ? sarifHash : throw new InvalidOperationException(string.Join(",", patterns)));

    private const string Upload = "${{ !cancelled() }}";
    private const string Sarif = "${{ !cancelled() && hashFiles('artifacts/scan/**/*.sarif') != '' }}";

    [Fact]
    public void An_upload_runs_after_success_and_after_a_failure_but_not_once_cancelled()
    {
        Assert.True(Templates.Condition(Upload, Scope()));
        Assert.True(Templates.Condition(Upload, Scope(failed: true)));
        Assert.False(Templates.Condition(Upload, Scope(cancelled: true)));
    }

    [Fact]
    public void The_sarif_upload_runs_when_a_sarif_file_is_there()
    {
        Assert.True(Templates.Condition(Sarif, Scope(sarifHash: "ab12")));
        Assert.True(Templates.Condition(Sarif, Scope(failed: true, sarifHash: "ab12")));
        Assert.False(Templates.Condition(Sarif, Scope()));
        Assert.False(Templates.Condition(Sarif, Scope(cancelled: true, sarifHash: "ab12")));
    }

    [Theory]
    [InlineData(null, false, false, true)]
    [InlineData(null, true, false, false)]
    [InlineData("", true, false, false)]
    [InlineData("matrix.slug == 'linux-amd64'", false, false, true)]
    [InlineData("matrix.slug == 'linux-amd64'", true, false, false)]
    [InlineData("${{ matrix.slug == 'linux-arm64' }}", false, false, false)]
    [InlineData("always()", true, true, true)]
    [InlineData("failure()", true, false, true)]
    [InlineData("failure()", false, false, false)]
    [InlineData("failure()", true, true, false)]
    [InlineData("success() || failure()", true, false, true)]
    [InlineData("cancelled()", false, true, true)]
    public void Without_a_status_function_a_condition_also_needs_success(string? condition, bool failed, bool cancelled, bool runs) =>
        Assert.Equal(runs, Templates.Condition(condition, Scope(failed, cancelled)));
}
