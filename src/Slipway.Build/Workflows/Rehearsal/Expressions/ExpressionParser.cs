using System.Text;

namespace Slipway.Build.Workflows.Rehearsal;

/// <summary>A parsed expression.</summary>
public abstract record ExpressionNode;

public sealed record LiteralNode(object? Value) : ExpressionNode;

/// <summary>A context at the top of a property path: <c>github</c>, <c>matrix</c>, <c>secrets</c>…</summary>
public sealed record ContextNode(string Name) : ExpressionNode;

/// <summary><c>a.b</c> or <c>a['b']</c> or <c>a[0]</c>.</summary>
public sealed record PropertyNode(ExpressionNode Target, ExpressionNode Key) : ExpressionNode;

public sealed record NotNode(ExpressionNode Operand) : ExpressionNode;

/// <summary><c>== != &lt; &lt;= &gt; &gt;= &amp;&amp; ||</c>.</summary>
public sealed record BinaryNode(string Operator, ExpressionNode Left, ExpressionNode Right) : ExpressionNode;

public sealed record CallNode(string Function, IReadOnlyList<ExpressionNode> Arguments) : ExpressionNode;

/// <summary>
/// GitHub's expression syntax (the part inside <c>${{ }}</c>): literals (<c>'text'</c> with <c>''</c> for a quote, numbers,
/// true, false, null), contexts with <c>.name</c> and <c>[index]</c>, function calls, <c>!</c>, comparisons,
/// <c>&amp;&amp;</c> and <c>||</c>, with GitHub's precedence.
/// </summary>
public static class ExpressionParser
{
    public static ExpressionNode Parse(string text)
    {
        var tokens = Tokenize(text);
        var parser = new Parser(text, tokens);
        var node = parser.Or();
        if (!parser.AtEnd) throw parser.Error($"unexpected '{parser.Peek.Text}'");
        return node;
    }

    private enum TokenKind
    {
        Name,
        String,
        Number,
        Symbol,
    }

    private sealed record Token(TokenKind Kind, string Text, int Position, object? Value = null);

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (c == '\'')
            {
                var value = new StringBuilder();
                i++;
                while (true)
                {
                    if (i >= text.Length) throw new ExpressionException($"Expression '{text}': the string starting at {start + 1} is not closed with '.");
                    if (text[i] == '\'')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '\'')
                        {
                            value.Append('\'');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    value.Append(text[i++]);
                }

                tokens.Add(new Token(TokenKind.String, text[start..i], start, value.ToString()));
            }
            else if (char.IsDigit(c) || (c is '-' or '+' or '.' && i + 1 < text.Length && char.IsDigit(text[i + 1]) && !EndsOperand(tokens)))
            {
                i++;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '.' || (text[i] is '+' or '-' && text[i - 1] is 'e' or 'E'))) i++;
                var word = text[start..i];
                var number = ExpressionValue.ToNumber(word);
                if (double.IsNaN(number)) throw new ExpressionException($"Expression '{text}': '{word}' at {start + 1} is not a number.");
                tokens.Add(new Token(TokenKind.Number, word, start, number));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '-')) i++;
                tokens.Add(new Token(TokenKind.Name, text[start..i], start));
            }
            else
            {
                var two = i + 1 < text.Length ? text.Substring(i, 2) : "";
                var symbol = two is "==" or "!=" or "<=" or ">=" or "&&" or "||" ? two
                    : c is '(' or ')' or '[' or ']' or '.' or ',' or '!' or '<' or '>' or '*' ? c.ToString()
                    : throw new ExpressionException($"Expression '{text}': unexpected '{c}' at {i + 1}.");
                i += symbol.Length;
                tokens.Add(new Token(TokenKind.Symbol, symbol, start));
            }
        }

        return tokens;
    }

    /// <summary>Whether the token before a sign ends an operand, so that the sign can't start a number.</summary>
    private static bool EndsOperand(List<Token> tokens) =>
        tokens.Count > 0 && (tokens[^1].Kind != TokenKind.Symbol || tokens[^1].Text is ")" or "]");

    private sealed class Parser(string text, List<Token> tokens)
    {
        private int _next;

        public bool AtEnd => _next >= tokens.Count;
        public Token Peek => tokens[_next];

        public ExpressionException Error(string what) =>
            new($"Expression '{text}': {what}{(AtEnd ? " at its end" : $" at {Peek.Position + 1}")}.");

        private bool Accept(string symbol)
        {
            if (AtEnd || Peek.Kind != TokenKind.Symbol || Peek.Text != symbol) return false;
            _next++;
            return true;
        }

        private void Expect(string symbol)
        {
            if (!Accept(symbol)) throw Error($"expected '{symbol}'");
        }

        public ExpressionNode Or()
        {
            var left = And();
            while (Accept("||")) left = new BinaryNode("||", left, And());
            return left;
        }

        private ExpressionNode And()
        {
            var left = Equality();
            while (Accept("&&")) left = new BinaryNode("&&", left, Equality());
            return left;
        }

        private ExpressionNode Equality()
        {
            var left = Comparison();
            while (true)
            {
                if (Accept("==")) left = new BinaryNode("==", left, Comparison());
                else if (Accept("!=")) left = new BinaryNode("!=", left, Comparison());
                else return left;
            }
        }

        private ExpressionNode Comparison()
        {
            var left = Unary();
            while (true)
            {
                var op = new[] { "<=", ">=", "<", ">" }.FirstOrDefault(Accept);
                if (op is null) return left;
                left = new BinaryNode(op, left, Unary());
            }
        }

        private ExpressionNode Unary() => Accept("!") ? new NotNode(Unary()) : Postfix(Primary());

        private ExpressionNode Postfix(ExpressionNode node)
        {
            while (true)
            {
                if (Accept("."))
                {
                    if (!AtEnd && Peek.Kind == TokenKind.Symbol && Peek.Text == "*") throw Error("the object filter '.*' is not supported by the rehearsal");
                    if (AtEnd || Peek.Kind != TokenKind.Name) throw Error("expected a property name after '.'");
                    node = new PropertyNode(node, new LiteralNode(tokens[_next++].Text));
                }
                else if (Accept("["))
                {
                    var key = Or();
                    Expect("]");
                    node = new PropertyNode(node, key);
                }
                else return node;
            }
        }

        private ExpressionNode Primary()
        {
            if (AtEnd) throw Error("expected a value");
            var token = tokens[_next++];
            switch (token.Kind)
            {
                case TokenKind.String:
                case TokenKind.Number:
                    return new LiteralNode(token.Value);
                case TokenKind.Name:
                    switch (token.Text)
                    {
                        case "true": return new LiteralNode(true);
                        case "false": return new LiteralNode(false);
                        case "null": return new LiteralNode(null);
                        case "NaN": return new LiteralNode(double.NaN);
                        case "Infinity": return new LiteralNode(double.PositiveInfinity);
                    }

                    if (!Accept("(")) return new ContextNode(token.Text);
                    var arguments = new List<ExpressionNode>();
                    if (!Accept(")"))
                    {
                        do arguments.Add(Or());
                        while (Accept(","));
                        Expect(")");
                    }

                    return new CallNode(token.Text, arguments);
                default:
                    if (token.Text == "(")
                    {
                        var inner = Or();
                        Expect(")");
                        return inner;
                    }

                    _next--;
                    throw Error($"unexpected '{token.Text}'");
            }
        }
    }
}
