using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.Build.Planning;

namespace Slipway.Build.Output;

/// <summary>The plan as text, JSON (for scripts and tests) or an HTML page with a graph.</summary>
public static class PlanWriter
{
    public static string Text(ExecutionPlan plan)
    {
        var text = new StringBuilder();
        var i = 1;
        foreach (var step in plan.Steps)
        {
            text.Append($"{i++,2}. {step.Target.Name}");
            if (step.IsInvoked) text.Append(" (invoked)");
            if (step.SkipReason is { } reason) text.Append($" (skipped: {reason})");
            if (step.Target.IsAssuredAfterFailure) text.Append(" (assured after failure)");
            text.AppendLine();
        }

        return text.ToString();
    }

    public static string Json(ExecutionPlan plan)
    {
        var json = new JsonObject
        {
            ["invoked"] = new JsonArray(plan.Invoked.Select(t => (JsonNode)t.Name).ToArray()),
            ["targets"] = new JsonArray(plan.Steps.Select(step => (JsonNode)new JsonObject
            {
                ["name"] = step.Target.Name,
                ["invoked"] = step.IsInvoked,
                ["skipped"] = step.IsSkipped,
                ["skipReason"] = step.SkipReason,
                ["dependsOn"] = Names(step.Target.DependsOn),
                ["triggers"] = Names(step.Target.Triggers),
                ["consumes"] = Names(step.Target.Consumes),
                ["produces"] = new JsonArray(step.Target.Produces.Select(p => (JsonNode)p).ToArray()),
                ["assuredAfterFailure"] = step.Target.IsAssuredAfterFailure,
                ["proceedAfterFailure"] = step.Target.IsProceedAfterFailure,
            }).ToArray()),
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>A page with the plan drawn as an SVG graph: one column per depth, an arrow per dependency.</summary>
    public static string Html(ExecutionPlan plan)
    {
        const int boxWidth = 170, boxHeight = 40, columnGap = 70, rowGap = 24, margin = 20;
        var steps = plan.Steps;
        var depth = new Dictionary<TargetInfo, int>();
        foreach (var step in steps)
            depth[step.Target] = step.Target.DependsOn.Concat(step.Target.Consumes).Where(depth.ContainsKey).Select(d => depth[d] + 1).DefaultIfEmpty(0).Max();
        var rows = new Dictionary<int, int>();
        var position = new Dictionary<TargetInfo, (int X, int Y)>();
        foreach (var step in steps)
        {
            var column = depth[step.Target];
            var row = rows[column] = rows.GetValueOrDefault(column, -1) + 1;
            position[step.Target] = (margin + column * (boxWidth + columnGap), margin + row * (boxHeight + rowGap));
        }

        var width = position.Values.Select(p => p.X).DefaultIfEmpty(0).Max() + boxWidth + margin;
        var height = position.Values.Select(p => p.Y).DefaultIfEmpty(0).Max() + boxHeight + margin;
        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\">");
        svg.Append("<defs><marker id=\"arrow\" markerWidth=\"10\" markerHeight=\"7\" refX=\"10\" refY=\"3.5\" orient=\"auto\"><polygon points=\"0 0, 10 3.5, 0 7\" fill=\"#555\"/></marker></defs>");
        foreach (var step in steps)
        foreach (var dependency in step.Target.DependsOn.Concat(step.Target.Consumes).Where(position.ContainsKey))
        {
            var (x1, y1) = position[dependency];
            var (x2, y2) = position[step.Target];
            svg.Append($"<line x1=\"{x1 + boxWidth}\" y1=\"{y1 + boxHeight / 2}\" x2=\"{x2}\" y2=\"{y2 + boxHeight / 2}\" stroke=\"#555\" marker-end=\"url(#arrow)\"/>");
        }

        var order = 1;
        foreach (var step in steps)
        {
            var (x, y) = position[step.Target];
            var fill = step.IsSkipped ? "#eee" : step.IsInvoked ? "#cde8ff" : "#fff";
            var title = WebUtility.HtmlEncode(step.Target.Description ?? step.Target.Name) + (step.SkipReason is { } r ? WebUtility.HtmlEncode($" (skipped: {r})") : "");
            svg.Append($"<g><title>{title}</title><rect x=\"{x}\" y=\"{y}\" width=\"{boxWidth}\" height=\"{boxHeight}\" rx=\"6\" fill=\"{fill}\" stroke=\"#333\"/>");
            svg.Append($"<text x=\"{x + boxWidth / 2}\" y=\"{y + boxHeight / 2 + 5}\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"13\">{order++}. {WebUtility.HtmlEncode(step.Target.Name)}</text></g>");
        }

        svg.Append("</svg>");
        return $"""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Slipway plan</title></head>
                <body style="font-family: sans-serif">
                <h1>Plan for {WebUtility.HtmlEncode(string.Join(", ", plan.Invoked.Select(t => t.Name)))}</h1>
                <p>Blue: invoked. Grey: skipped. Numbers give the order of execution.</p>
                {svg}
                <pre>{WebUtility.HtmlEncode(Text(plan))}</pre>
                </body></html>
                """;
    }

    private static JsonArray Names(IEnumerable<TargetInfo> targets) => new(targets.Select(t => (JsonNode)t.Name).ToArray());
}
