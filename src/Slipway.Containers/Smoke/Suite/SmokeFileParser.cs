using Slipway.Containers.Smoke.Running;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Slipway.Containers.Smoke.Suite;

/// <summary>Reads a smoke file (format: Smoke/README.md) and checks it fully before anything runs.</summary>
public static class SmokeFileParser
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Variables every step can use: <c>${run}</c> is unique to the run, so created data doesn't collide.</summary>
    public static readonly IReadOnlyList<string> BuiltInVariables = ["run"];

    private static readonly string[] Kinds = ["http", "tcp", "exec"];

    public static SmokeSuite Load(string file) =>
        File.Exists(file)
            ? Parse(file, File.ReadAllText(file))
            : throw SmokeFileException.At(file, null, null, "the smoke file does not exist (give --smoke-file, or put smoke.yaml beside the first compose file).");

    public static SmokeSuite Parse(string file, string text)
    {
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw SmokeFileException.At(file, null, null, $"not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {(e.InnerException ?? e).Message}");
        }
        if (yaml.Documents.Count == 0) throw SmokeFileException.At(file, null, null, "the file is empty; expected a mapping with 'checks'.");

        var root = YamlFields.Of(file, null, "", yaml.Documents[0].RootNode);
        root.AllowOnly("timeout", "checks");
        var timeout = root.Duration("timeout") ?? DefaultTimeout;
        var checkNodes = root.Sequence("checks");
        if (checkNodes.Count == 0) throw root.Error("checks", "is required: a list of at least one check.");

        var checks = checkNodes.Select((node, i) => Check(file, i, node, timeout)).ToList();
        var duplicate = checks.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw SmokeFileException.At(file, duplicate.Key, "name", "two checks have this name; names must be unique.");
        return new SmokeSuite(file, checks);
    }

    private static SmokeCheck Check(string file, int index, YamlNode node, TimeSpan defaultTimeout)
    {
        var fields = YamlFields.Of(file, $"#{index + 1}", "", node);
        fields = fields.WithCheck(fields.String("name") is { Length: > 0 } name ? name : throw fields.Error("name", "is required (a non-empty string)."));
        fields.AllowOnly(["name", "timeout", "steps", .. Kinds, "expect", "capture"]);
        var timeout = fields.Duration("timeout") ?? defaultTimeout;
        var variables = new HashSet<string>(BuiltInVariables);

        if (!fields.Has("steps"))
            return new SmokeCheck(fields.Check!, timeout, [Step(fields, fields.Check!, variables)]);

        if (Kinds.Concat(["expect", "capture"]).FirstOrDefault(fields.Has) is { } stray)
            throw fields.Error(stray, "a check has either 'steps' or a single http/tcp/exec, not both.");
        var stepNodes = fields.Sequence("steps");
        if (stepNodes.Count == 0) throw fields.Error("steps", "expected at least one step.");
        var steps = stepNodes.Select((stepNode, i) =>
        {
            var step = YamlFields.Of(file, fields.Check, $"steps[{i}]", stepNode);
            step.AllowOnly(["name", .. Kinds, "expect", "capture"]);
            return Step(step, step.String("name") ?? $"step {i + 1}", variables);
        }).ToList();
        return new SmokeCheck(fields.Check!, timeout, steps);
    }

    private static SmokeStep Step(YamlFields fields, string name, HashSet<string> variables)
    {
        var kinds = Kinds.Where(fields.Has).ToList();
        if (kinds.Count == 0) throw fields.ErrorHere("expected one of http, tcp or exec.");
        if (kinds.Count > 1) throw fields.Error(kinds[1], $"a step has exactly one of http, tcp or exec (this one also has {kinds[0]}).");

        var kind = kinds[0];
        var action = Action(kind, fields.Mapping(kind)!);
        var expect = Expect(kind, fields.Mapping("expect"));
        var captures = fields.StringMap("capture");
        if (captures.Count > 0 && kind != "http") throw fields.Error("capture", "only http steps capture values (by JSONPath from the body).");
        foreach (var (capture, jsonPath) in captures)
        {
            if (!Template.IsName(capture)) throw fields.Error($"capture.{capture}", "a capture's name is letters, digits and '_', not starting with a digit.");
            if (!jsonPath.StartsWith('$')) throw fields.Error($"capture.{capture}", $"expected a JSONPath starting with '$', got '{jsonPath}'.");
            if (JsonBody.PathError(jsonPath) is { } error) throw fields.Error($"capture.{capture}", $"'{jsonPath}' is not a valid JSONPath expression: {error}");
        }

        CheckPlaceholders(fields, kind, action, expect, variables);
        variables.UnionWith(captures.Keys);
        return new SmokeStep(name, action, expect, captures);
    }

    private static SmokeAction Action(string kind, YamlFields fields)
    {
        switch (kind)
        {
            case "http":
                fields.AllowOnly("method", "url", "headers", "body");
                var method = fields.String("method") ?? "GET";
                if (method.Length == 0 || !method.All(char.IsAsciiLetterUpper))
                    throw fields.Error("method", $"expected an HTTP method in capitals such as GET or POST, got '{method}'.");
                var url = fields.RequiredString("url");
                if (!Uri.TryCreate(Template.Names(url).Aggregate(url, (u, n) => u.Replace($"${{{n}}}", "x")), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                    throw fields.Error("url", $"expected an absolute http:// or https:// URL, got '{url}'.");
                return new HttpAction(method, url, fields.StringMap("headers"), fields.String("body"));
            case "tcp":
                fields.AllowOnly("service", "port");
                return new TcpAction(fields.RequiredString("service"), fields.Int("port", 1, 65535, "a port") ?? throw fields.Error("port", "is required (a container port)."));
            default:
                fields.AllowOnly("service", "command");
                var command = fields.Node("command") is YamlScalarNode
                    ? ["sh", "-c", fields.RequiredString("command")]
                    : fields.Strings("command");
                if (command.Count == 0 || command[0].Length == 0) throw fields.Error("command", "is required: a list of arguments, or a string run with sh -c.");
                return new ExecAction(fields.RequiredString("service"), command);
        }
    }

    private static Expectations Expect(string kind, YamlFields? fields)
    {
        if (fields is null) return new Expectations();
        string[] allowed = kind switch
        {
            "http" => ["status", "headers", "body_contains", "json", "latency"],
            "tcp" => ["latency"],
            _ => ["output_contains"],
        };
        fields.AllowOnly(allowed);
        var status = fields.Node("status") is YamlSequenceNode
            ? fields.Strings("status").Select((_, i) => StatusAt(fields, i)).ToList()
            : fields.Int("status", 100, 599, "an HTTP status code") is { } single ? [single] : [];
        foreach (var path in fields.StringMap("json").Keys)
        {
            if (!path.StartsWith('$')) throw fields.Error($"json.{path}", "expected a JSONPath starting with '$'.");
            if (JsonBody.PathError(path) is { } error) throw fields.Error($"json.{path}", $"not a valid JSONPath expression: {error}");
        }
        return new Expectations
        {
            Status = status,
            Headers = fields.StringMap("headers"),
            Contains = kind == "http" ? fields.Strings("body_contains") : fields.Strings("output_contains"),
            Json = fields.StringMap("json"),
            Latency = fields.Duration("latency"),
        };
    }

    private static int StatusAt(YamlFields fields, int index)
    {
        var text = fields.Strings("status")[index];
        return int.TryParse(text, out var code) && code is >= 100 and <= 599
            ? code
            : throw fields.Error($"status[{index}]", $"expected an HTTP status code (100-599), got '{text}'.");
    }

    /// <summary>Every <c>${name}</c> must be a built-in or captured by an earlier step of the same check.</summary>
    private static void CheckPlaceholders(YamlFields fields, string kind, SmokeAction action, Expectations expect, HashSet<string> variables)
    {
        IEnumerable<(string Field, string? Text)> texts = action switch
        {
            HttpAction http => [("url", http.Url), ("body", http.Body), .. http.Headers.Select(h => ($"headers.{h.Key}", (string?)h.Value))],
            ExecAction exec => exec.Command.Select((c, i) => ($"command[{i}]", (string?)c)),
            _ => [],
        };
        var all = texts.Select(t => ($"{kind}.{t.Field}", t.Text))
            .Concat(expect.Headers.Select(h => ($"expect.headers.{h.Key}", (string?)h.Value)))
            .Concat(expect.Contains.Select((c, i) => ($"expect.{(kind == "http" ? "body" : "output")}_contains[{i}]", (string?)c)))
            .Concat(expect.Json.Select(j => ($"expect.json.{j.Key}", (string?)j.Value)));
        foreach (var (field, text) in all)
        foreach (var name in Template.Names(text).Where(n => !variables.Contains(n)))
            throw fields.Error(field, $"'${{{name}}}' is neither built in ({string.Join(", ", BuiltInVariables)}) nor captured by an earlier step{(variables.Count > BuiltInVariables.Count ? $" (captured so far: {string.Join(", ", variables.Except(BuiltInVariables))})" : "")}.");
    }
}
