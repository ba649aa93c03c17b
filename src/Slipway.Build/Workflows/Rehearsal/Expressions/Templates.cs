namespace Slipway.Build.Workflows.Rehearsal;

/// <summary>The two places a workflow holds expressions: text with <c>${{ … }}</c> inside, and <c>if:</c> conditions.</summary>
public static class Templates
{
    private const string Open = "${{";
    private const string Close = "}}";

    public static bool HasExpression(string? text) => text?.Contains(Open, StringComparison.Ordinal) == true;

    /// <summary>The text with each <c>${{ expression }}</c> replaced by its value as text.</summary>
    public static string Resolve(string text, ExpressionScope scope)
    {
        if (!HasExpression(text)) return text;
        var result = new System.Text.StringBuilder();
        var position = 0;
        while (true)
        {
            var start = text.IndexOf(Open, position, StringComparison.Ordinal);
            if (start < 0) return result.Append(text, position, text.Length - position).ToString();
            result.Append(text, position, start - position);
            var end = CloseOf(text, start + Open.Length);
            result.Append(ExpressionValue.ToText(ExpressionEvaluator.Evaluate(text[(start + Open.Length)..end].Trim(), scope)));
            position = end + Close.Length;
        }
    }

    /// <summary>
    /// An <c>if:</c>: the expression with or without <c>${{ }}</c> around it; one that calls no status function is read as
    /// <c>success() &amp;&amp; (…)</c>, and none at all as <c>success()</c>, as GitHub does.
    /// </summary>
    public static bool Condition(string? condition, ExpressionScope scope)
    {
        var text = condition?.Trim() is { Length: > 0 } given ? given : "success()";
        if (text.StartsWith(Open, StringComparison.Ordinal) && CloseOf(text, Open.Length) == text.Length - Close.Length)
            text = text[Open.Length..^Close.Length].Trim();
        var node = ExpressionParser.Parse(text);
        if (!ExpressionEvaluator.CallsStatusFunction(node)) node = new BinaryNode("&&", new CallNode("success", []), node);
        return ExpressionValue.IsTruthy(ExpressionEvaluator.Evaluate(node, scope, text));
    }

    /// <summary>Where the <c>}}</c> that closes an expression starts; a <c>}}</c> inside a string literal doesn't close it.</summary>
    private static int CloseOf(string text, int from)
    {
        var quoted = false;
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] == '\'') quoted = !quoted;
            else if (!quoted && string.CompareOrdinal(text, i, Close, 0, Close.Length) == 0) return i;
        }

        throw new ExpressionException($"'{text}': the expression starting with '${{{{' is not closed with '}}}}'.");
    }
}
