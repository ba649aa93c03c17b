using Microsoft.Extensions.FileSystemGlobbing;

namespace Slipway.Build.Workflows.Rehearsal;

/// <summary>What git says about the commit being rehearsed.</summary>
public sealed record GitFacts(string Sha, string? Branch, IReadOnlyList<string> TagsAtHead);

/// <summary>
/// Which event a rehearsal plays: a manual run when inputs are given; else a push of a tag at HEAD that the workflow's tag
/// filters match, or of the current branch. A workflow that only runs on tags needs such a tag at HEAD.
/// </summary>
public static class RehearsalEvent
{
    public static (string EventName, string Ref) Choose(WorkflowDefinition workflow, GitFacts git, bool inputsGiven)
    {
        var branchRef = git.Branch is { } branch ? $"refs/heads/{branch}" : git.Sha;
        if (inputsGiven)
            return workflow.On.DispatchInputs is not null
                ? ("workflow_dispatch", branchRef)
                : throw new WorkflowFileException($"{workflow.File}: inputs are given, but the workflow has no workflow_dispatch trigger to take them.");
        if (workflow.On.Push)
        {
            if (workflow.On.PushTags.Count > 0 && git.TagsAtHead.FirstOrDefault(t => Matches(workflow.On.PushTags, t)) is { } tag)
                return ("push", $"refs/tags/{tag}");
            if (workflow.On.PushTags.Count == 0 || workflow.On.PushBranches.Count > 0)
                return ("push", branchRef);
            throw new WorkflowFileException(
                $"{workflow.File} runs on a push of tags {string.Join(", ", workflow.On.PushTags)}, and HEAD ({git.Sha[..Math.Min(7, git.Sha.Length)]}) has no such tag"
                + $"{(git.TagsAtHead.Count > 0 ? $" (it has {string.Join(", ", git.TagsAtHead)})" : "")}: tag it, e.g. git tag v1.2.3, and rehearse again.");
        }

        if (workflow.On.DispatchInputs is not null) return ("workflow_dispatch", branchRef);
        throw new WorkflowFileException($"{workflow.File}: the rehearsal plays push and workflow_dispatch events, and this workflow has neither.");
    }

    /// <summary>GitHub's filter patterns for tags: <c>*</c> within a name, <c>**</c> across slashes, <c>!</c> to leave out.</summary>
    public static bool Matches(IReadOnlyList<string> patterns, string name)
    {
        var matched = false;
        foreach (var pattern in patterns)
        {
            var negated = pattern.StartsWith('!');
            var matcher = new Matcher(StringComparison.Ordinal).AddInclude(negated ? pattern[1..] : pattern);
            if (matcher.Match(name).HasMatches) matched = !negated;
        }

        return matched;
    }
}
