using System.Text;

namespace Slipway.Build.Workflows.Rehearsal;

/// <summary>Evaluates parsed expressions by GitHub's rules: short-circuit <c>&amp;&amp;</c> and <c>||</c> that return an operand, loose comparisons, and its functions.</summary>
public static class ExpressionEvaluator
{
    public static readonly IReadOnlySet<string> StatusFunctions = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "success", "failure", "cancelled", "always" };

    public static object? Evaluate(string expression, ExpressionScope scope) => Evaluate(ExpressionParser.Parse(expression), scope, expression);

    public static object? Evaluate(ExpressionNode node, ExpressionScope scope, string text)
    {
        switch (node)
        {
            case LiteralNode literal:
                return literal.Value;
            case ContextNode context:
                return scope.Contexts.TryGetValue(context.Name, out var value)
                    ? value
                    : throw new ExpressionException($"Expression '{text}': unrecognized named-value '{context.Name}'; available here: {string.Join(", ", scope.Contexts.Keys.Order())}.");
            case PropertyNode property:
                return Property(Evaluate(property.Target, scope, text), Evaluate(property.Key, scope, text));
            case NotNode not:
                return !ExpressionValue.IsTruthy(Evaluate(not.Operand, scope, text));
            case BinaryNode { Operator: "&&" } and:
            {
                var left = Evaluate(and.Left, scope, text);
                return ExpressionValue.IsTruthy(left) ? Evaluate(and.Right, scope, text) : left;
            }
            case BinaryNode { Operator: "||" } or:
            {
                var left = Evaluate(or.Left, scope, text);
                return ExpressionValue.IsTruthy(left) ? left : Evaluate(or.Right, scope, text);
            }
            case BinaryNode binary:
            {
                var (left, right) = (Evaluate(binary.Left, scope, text), Evaluate(binary.Right, scope, text));
                return binary.Operator switch
                {
                    "==" => ExpressionValue.AreEqual(left, right),
                    "!=" => !ExpressionValue.AreEqual(left, right),
                    "<" => ExpressionValue.Compare(left, right) < 0,
                    "<=" => ExpressionValue.Compare(left, right) <= 0,
                    ">" => ExpressionValue.Compare(left, right) > 0,
                    _ => ExpressionValue.Compare(left, right) >= 0,
                };
            }
            case CallNode call:
                return Call(call, scope, text);
            default:
                throw new ArgumentException($"Unknown expression node {node.GetType().Name}.", nameof(node));
        }
    }

    /// <summary>Whether the expression calls a status function anywhere; an <c>if:</c> without one is read as <c>success() &amp;&amp; (…)</c>.</summary>
    public static bool CallsStatusFunction(ExpressionNode node) => node switch
    {
        CallNode call => StatusFunctions.Contains(call.Function) || call.Arguments.Any(CallsStatusFunction),
        PropertyNode property => CallsStatusFunction(property.Target) || CallsStatusFunction(property.Key),
        NotNode not => CallsStatusFunction(not.Operand),
        BinaryNode binary => CallsStatusFunction(binary.Left) || CallsStatusFunction(binary.Right),
        _ => false,
    };

    private static object? Property(object? target, object? key) => target switch
    {
        IReadOnlyDictionary<string, object?> map => map.TryGetValue(ExpressionValue.ToText(key), out var value) ? value : null,
        IReadOnlyList<object?> list when key is double index => index >= 0 && index < list.Count && index == Math.Floor(index) ? list[(int)index] : null,
        _ => null,
    };

    private static object? Call(CallNode call, ExpressionScope scope, string text)
    {
        var name = call.Function.ToLowerInvariant();
        if (StatusFunctions.Contains(name))
        {
            Arity(call, text, 0, 0);
            var state = scope.State ?? throw new ExpressionException($"Expression '{text}': {call.Function}() is only available in a step's if:.");
            return name switch
            {
                "success" => !state.Failed && !state.Cancelled,
                "failure" => state.Failed && !state.Cancelled,
                "cancelled" => state.Cancelled,
                _ => true,
            };
        }

        var arguments = call.Arguments.Select(a => Evaluate(a, scope, text)).ToList();
        switch (name)
        {
            case "contains":
                Arity(call, text, 2, 2);
                return arguments[0] is IReadOnlyList<object?> list
                    ? list.Any(item => ExpressionValue.AreEqual(item, arguments[1]))
                    : ExpressionValue.ToText(arguments[0]).Contains(ExpressionValue.ToText(arguments[1]), StringComparison.OrdinalIgnoreCase);
            case "startswith":
                Arity(call, text, 2, 2);
                return ExpressionValue.ToText(arguments[0]).StartsWith(ExpressionValue.ToText(arguments[1]), StringComparison.OrdinalIgnoreCase);
            case "endswith":
                Arity(call, text, 2, 2);
                return ExpressionValue.ToText(arguments[0]).EndsWith(ExpressionValue.ToText(arguments[1]), StringComparison.OrdinalIgnoreCase);
            case "format":
                Arity(call, text, 1, int.MaxValue);
                return Format(ExpressionValue.ToText(arguments[0]), arguments.Skip(1).ToList(), text);
            case "join":
                Arity(call, text, 1, 2);
                var separator = arguments.Count > 1 ? ExpressionValue.ToText(arguments[1]) : ",";
                return arguments[0] is IReadOnlyList<object?> items ? string.Join(separator, items.Select(ExpressionValue.ToText)) : ExpressionValue.ToText(arguments[0]);
            case "tojson":
                Arity(call, text, 1, 1);
                return ExpressionValue.ToJson(arguments[0]);
            case "fromjson":
                Arity(call, text, 1, 1);
                return ExpressionValue.FromJson(ExpressionValue.ToText(arguments[0]));
            case "hashfiles":
                Arity(call, text, 1, int.MaxValue);
                var hash = scope.HashFiles ?? throw new ExpressionException($"Expression '{text}': hashFiles() is only available in a job's steps.");
                return hash(arguments.Select(ExpressionValue.ToText).ToList());
            default:
                throw new ExpressionException($"Expression '{text}': unknown function {call.Function}(); the rehearsal knows contains, startsWith, endsWith, format, join, toJSON, fromJSON, hashFiles, success, failure, cancelled and always.");
        }
    }

    private static void Arity(CallNode call, string text, int min, int max)
    {
        if (call.Arguments.Count < min || call.Arguments.Count > max)
            throw new ExpressionException($"Expression '{text}': {call.Function}() takes {(min == max ? $"{min}" : max == int.MaxValue ? $"at least {min}" : $"{min} to {max}")} argument(s), not {call.Arguments.Count}.");
    }

    /// <summary><c>format('{0} and {1}', a, b)</c>, with <c>{{</c> and <c>}}</c> for braces.</summary>
    private static string Format(string format, IReadOnlyList<object?> arguments, string text)
    {
        var result = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c == '{' && i + 1 < format.Length && format[i + 1] == '{')
            {
                result.Append('{');
                i++;
            }
            else if (c == '}' && i + 1 < format.Length && format[i + 1] == '}')
            {
                result.Append('}');
                i++;
            }
            else if (c == '{')
            {
                var close = format.IndexOf('}', i);
                if (close < 0 || !int.TryParse(format[(i + 1)..close], out var index) || index < 0 || index >= arguments.Count)
                    throw new ExpressionException($"Expression '{text}': format string '{format}' has a placeholder at {i + 1} that names no argument.");
                result.Append(ExpressionValue.ToText(arguments[index]));
                i = close;
            }
            else result.Append(c);
        }

        return result.ToString();
    }
}
