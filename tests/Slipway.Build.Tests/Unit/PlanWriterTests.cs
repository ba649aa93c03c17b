using System.Text.Json;
using Slipway.Build.Output;
using Slipway.Build.Planning;
using Slipway.Build.Tests.Infrastructure;

namespace Slipway.Build.Tests.Unit;

public class PlanWriterTests
{
    private sealed class ShipBuild : RecordingBuild
    {
        public Target Build => _ => _.Description("Builds <images>").Produces("artifacts/images.json");
        public Target Scan => _ => _.DependsOn(Build).Consumes(Build).OnlyWhenStatic(() => false).Produces("artifacts/scan/**");
        public Target Up => _ => _.DependsOn(Build).Triggers(Down).ProceedAfterFailure();
        public Target Down => _ => _.AssuredAfterFailure();
        public Target Ship => _ => _.DependsOn(Scan, Up);
    }

    private static ExecutionPlan Plan() => Plans.Plan(new ShipBuild(), x => x.Ship);

    [Fact]
    public void Text_numbers_the_steps_and_marks_invoked_skipped_and_assured()
    {
        Assert.Equal(
            """
             1. Build
             2. Scan (skipped: false)
             3. Up
             4. Down (assured after failure)
             5. Ship (invoked)

            """.ReplaceLineEndings(), PlanWriter.Text(Plan()));
    }

    [Fact]
    public void Json_has_each_step_with_its_relations()
    {
        using var json = JsonDocument.Parse(PlanWriter.Json(Plan()));
        var root = json.RootElement;
        Assert.Equal(["Ship"], root.GetProperty("invoked").EnumerateArray().Select(e => e.GetString()));
        var steps = root.GetProperty("targets").EnumerateArray().ToList();
        Assert.Equal(["Build", "Scan", "Up", "Down", "Ship"], steps.Select(s => s.GetProperty("name").GetString()));

        var scan = steps[1];
        Assert.True(scan.GetProperty("skipped").GetBoolean());
        Assert.Equal("false", scan.GetProperty("skipReason").GetString());
        Assert.Equal(["Build"], scan.GetProperty("dependsOn").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["Build"], scan.GetProperty("consumes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["artifacts/scan/**"], scan.GetProperty("produces").EnumerateArray().Select(e => e.GetString()));

        Assert.Equal(["Down"], steps[2].GetProperty("triggers").EnumerateArray().Select(e => e.GetString()));
        Assert.True(steps[2].GetProperty("proceedAfterFailure").GetBoolean());
        Assert.True(steps[3].GetProperty("assuredAfterFailure").GetBoolean());
        Assert.True(steps[4].GetProperty("invoked").GetBoolean());
        Assert.Equal(JsonValueKind.Null, steps[4].GetProperty("skipReason").ValueKind);
    }

    [Fact]
    public void Html_draws_a_box_per_step_and_an_arrow_per_dependency_with_text_encoded()
    {
        var html = PlanWriter.Html(Plan());
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<h1>Plan for Ship</h1>", html);
        Assert.Equal(5, html.Split("<rect ").Length - 1);
        // Scan→Build (DependsOn and Consumes), Up→Build, Ship→Scan, Ship→Up.
        Assert.Equal(5, html.Split("<line ").Length - 1);
        Assert.Contains("Builds &lt;images&gt;", html);
        Assert.DoesNotContain("<images>", html);
        Assert.Contains("2. Scan (skipped: false)", html);
    }
}
