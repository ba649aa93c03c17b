namespace Slipway.Build.Planning;

/// <summary>Matches what a user typed to a target: case-insensitive, dashes and underscores ignored.</summary>
public static class TargetNames
{
    public static string Normalize(string name) =>
        new(name.Where(c => c != '-' && c != '_').Select(char.ToLowerInvariant).ToArray());

    public static TargetInfo Find(IReadOnlyList<TargetInfo> targets, string typed)
    {
        var key = Normalize(typed);
        return targets.FirstOrDefault(t => Normalize(t.Name) == key)
               ?? throw new PlanningException(
                   $"Unknown target '{typed}'. Valid targets: {string.Join(", ", targets.Where(t => !t.IsUnlisted).Select(t => t.Name))}.");
    }
}
