using Slipway.GlobalTool.Init;
using Spectre.Console.Testing;

namespace Slipway.GlobalTool.Tests;

/// <summary>On a terminal init asks; without one (or with --yes) it takes the defaults and reads nothing.</summary>
public sealed class QuestionsTests
{
    [Fact]
    public void On_a_terminal_the_answer_is_taken_and_an_empty_one_is_the_default()
    {
        var console = new TestConsole().Interactive();
        console.Input.PushTextWithEnter("trunk");
        console.Input.PushTextWithEnter("");
        var questions = new InitQuestions(console, ask: true);

        Assert.Equal("trunk", questions.Text("Branch", "main"));
        Assert.Equal(["linux/amd64", "linux/arm64"], questions.List("Platforms", ["linux/amd64", "linux/arm64"]));
        Assert.Contains("Branch", console.Output);
    }

    [Fact]
    public void Without_a_terminal_every_answer_is_the_default_and_overwriting_is_no()
    {
        var console = new TestConsole();
        var questions = new InitQuestions(console, ask: false);

        Assert.Equal("main", questions.Text("Branch", "main"));
        Assert.Equal(["linux/amd64"], questions.List("Platforms", ["linux/amd64"]));
        Assert.False(questions.Confirm("Overwrite build.sh?"));
        Assert.Equal("", console.Output);
    }
}
