using Spectre.Console;

namespace Slipway.GlobalTool.Init;

/// <summary>
/// The questions init asks on a terminal for what no flag answered, as <c>nuke :setup</c> does; without a terminal
/// (or with --yes) every answer is the default, so scripts run init unattended.
/// </summary>
public sealed class InitQuestions(IAnsiConsole console, bool ask)
{
    public string Text(string question, string defaultValue, bool allowEmpty = false)
    {
        if (!ask) return defaultValue;
        var prompt = new TextPrompt<string>(question).DefaultValue(defaultValue);
        if (allowEmpty) prompt.AllowEmpty();
        return console.Prompt(prompt).Trim();
    }

    public IReadOnlyList<string> List(string question, IReadOnlyList<string> defaultValue) =>
        Split(Text($"{question} (comma-separated)", string.Join(",", defaultValue), allowEmpty: true));

    /// <summary>A yes/no question whose default is no; without a terminal the answer is no.</summary>
    public bool Confirm(string question) => ask && console.Confirm(question, defaultValue: false);

    public static IReadOnlyList<string> Split(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
