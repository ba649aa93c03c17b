using Slipway.Build.Workflows.Rehearsal;
using Slipway.Tests.Shared;

namespace Slipway.Build.Tests.Rehearsal;

/// <summary>GitHub's expression language as the rehearsal evaluates it: contexts, literals, operators, coercion and functions.</summary>
public sealed class ExpressionTests
{
    /// <summary>The contexts, as JSON, so that GitHub's own expression library can be given the same.</summary>
    private const string Contexts =
        """
        {
          "github": { "ref": "refs/tags/v1.2.3", "repository_owner": "Acme", "event": { "repository": { "default_branch": "main" } } },
          "matrix": { "platform": "linux/arm64", "slug": "linux-arm64" },
          "inputs": {},
          "secrets": { "GITHUB_TOKEN": "t0ken" },
          "list": ["a", 2, true]
        }
        """;

    private static readonly ExpressionScope Scope = new((IReadOnlyDictionary<string, object?>)ExpressionValue.FromJson(Contexts)!);

    [Theory]
    [InlineData("github.ref", "refs/tags/v1.2.3")]
    [InlineData("github['ref']", "refs/tags/v1.2.3")]
    [InlineData("GitHub.Repository_Owner", "Acme")]
    [InlineData("github.event.repository.default_branch", "main")]
    [InlineData("matrix.platform", "linux/arm64")]
    [InlineData("secrets.GITHUB_TOKEN", "t0ken")]
    [InlineData("secrets.github_token", "t0ken")]
    [InlineData("list[1]", "2")]
    [InlineData("list[7]", "")]
    [InlineData("inputs.configuration", "")]
    [InlineData("github.nothing.deeper", "")]
    [InlineData("'it''s'", "it's")]
    [InlineData("format('{0}-{1} {{x}}', matrix.slug, 3)", "linux-arm64-3 {x}")]
    [InlineData("join(list, '+')", "a+2+true")]
    [InlineData("toJSON(list)", "[\n  \"a\",\n  2,\n  true\n]")]
    [InlineData("fromJSON('{\"a\": [1, 2]}').a[1]", "2")]
    [InlineData("0x10", "16")]
    [InlineData("1.5", "1.5")]
    [InlineData("-2", "-2")]
    [InlineData("inputs.configuration || 'Debug'", "Debug")]
    [InlineData("matrix.slug && 'yes'", "yes")]
    [InlineData("null && 'yes'", "")]
    public void Values_read_as_GitHub_splices_them(string expression, string expected) =>
        Assert.Equal(expected, ExpressionValue.ToText(ExpressionEvaluator.Evaluate(expression, Scope)));

    /// <summary>Every expression above, evaluated by GitHub's own expression library (@actions/expressions) as well: the same text and truth.</summary>
    [Fact]
    public async Task GitHubs_own_expression_library_agrees()
    {
        var expressions = typeof(ExpressionTests).GetMethods()
            .Where(m => m.Name is nameof(Values_read_as_GitHub_splices_them) or nameof(Comparisons_and_logic_follow_GitHubs_rules))
            .SelectMany(m => m.GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>())
            .Select(a => (string)a.GetData(null!).Single()[0])
            .ToList();
        Assert.True(expressions.Count > 30, $"only {expressions.Count} expressions were found to compare");

        var reference = await Conformance.ExpressionsAsync(Contexts, expressions);

        Assert.All(reference, r =>
        {
            Assert.True(r.Error is null, $"{r.Expression}: {r.Error}");
            var ours = ExpressionEvaluator.Evaluate(r.Expression, Scope);
            Assert.True(r.Text == ExpressionValue.ToText(ours) && r.Truthy == ExpressionValue.IsTruthy(ours),
                $"{r.Expression}: GitHub's library gives '{r.Text}' ({r.Truthy}), the rehearsal '{ExpressionValue.ToText(ours)}' ({ExpressionValue.IsTruthy(ours)})");
        });
    }

    [Theory]
    [InlineData("github.ref == 'REFS/TAGS/V1.2.3'", true)]
    [InlineData("github.ref != 'refs/tags/v1.2.3'", false)]
    [InlineData("startsWith(github.ref, 'refs/tags/')", true)]
    [InlineData("endsWith(matrix.platform, 'ARM64')", true)]
    [InlineData("contains(matrix.platform, 'arm')", true)]
    [InlineData("contains(list, 'A')", true)]
    [InlineData("contains(list, 3)", false)]
    [InlineData("1 == '1'", true)]
    [InlineData("'' == 0", true)]
    [InlineData("null == 0", true)]
    [InlineData("true == 1", true)]
    [InlineData("'abc' == 0", false)]
    [InlineData("NaN == NaN", false)]
    [InlineData("2 > 10", false)]
    [InlineData("'2' < 10", true)]
    [InlineData("'b' > 'A'", true)]
    [InlineData("!inputs.configuration", true)]
    [InlineData("!(1 == 1) || (2 >= 2 && 'x')", true)]
    [InlineData("list == list", true)]
    public void Comparisons_and_logic_follow_GitHubs_rules(string expression, bool expected) =>
        Assert.Equal(expected, ExpressionValue.IsTruthy(ExpressionEvaluator.Evaluate(expression, Scope)));

    [Fact]
    public void Text_holds_any_number_of_expressions_and_a_closing_brace_inside_a_string_does_not_end_one()
    {
        Assert.Equal("ghcr.io/Acme", Templates.Resolve("ghcr.io/${{ github.repository_owner }}", Scope));
        Assert.Equal("build-images-linux-arm64 and }} too", Templates.Resolve("build-images-${{ matrix.slug }} and ${{ '}}' }} too", Scope));
        Assert.Equal("no expression here", Templates.Resolve("no expression here", Scope));
    }

    [Theory]
    [InlineData("matrix.platform ==", "Expression 'matrix.platform ==': expected a value at its end.")]
    [InlineData("'open", "Expression ''open': the string starting at 1 is not closed with '.")]
    [InlineData("vars.X", "Expression 'vars.X': unrecognized named-value 'vars'; available here: github, inputs, list, matrix, secrets.")]
    [InlineData("lower('X')", "Expression 'lower('X')': unknown function lower(); the rehearsal knows")]
    [InlineData("contains('a')", "Expression 'contains('a')': contains() takes 2 argument(s), not 1.")]
    [InlineData("success()", "Expression 'success()': success() is only available in a step's if:.")]
    [InlineData("hashFiles('x')", "Expression 'hashFiles('x')': hashFiles() is only available in a job's steps.")]
    [InlineData("github.*.x", "the object filter '.*' is not supported by the rehearsal")]
    public void What_cannot_be_read_or_evaluated_is_an_error_that_quotes_the_expression(string expression, string message) =>
        Assert.Contains(message, Assert.Throws<ExpressionException>(() => ExpressionEvaluator.Evaluate(expression, Scope)).Message);

    [Fact]
    public void An_unclosed_expression_in_text_is_an_error() =>
        Assert.Contains("is not closed with '}}'", Assert.Throws<ExpressionException>(() => Templates.Resolve("a ${{ matrix.slug", Scope)).Message);
}
