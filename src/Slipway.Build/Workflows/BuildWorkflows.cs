using System.Reflection;

namespace Slipway.Build.Workflows;

/// <summary>The workflow files a build's [GitHubActions] attributes declare, and keeping them current on disk.</summary>
public static class BuildWorkflows
{
    /// <summary>Each declared workflow's path (relative to the root) and YAML, ordered by name.</summary>
    public static IReadOnlyList<(string Path, string Content)> Generate(ISlipwayBuild build, IReadOnlyList<TargetInfo> targets)
    {
        var type = build.GetType();
        var declared = type.GetCustomAttributes<GitHubActionsAttribute>().OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
        if (declared.Count == 0) return [];
        if (declared.GroupBy(a => a.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new BuildDefinitionException($"{type.Name} declares [GitHubActions(\"{twice.Key}\")] twice; workflow names must differ.");

        var pins = build is ICheckWorkflows check ? check.WorkflowActionPins : ActionPins.Default;
        var gate = targets.FirstOrDefault(t => t.DeclaringType == typeof(ICheckWorkflows));
        var generator = new WorkflowGenerator(targets, ParameterDescriptor.Discover(type), pins, gate);
        return declared.Select(generator.Generate).Select(w => (w.FilePath, WorkflowYaml.Write(w))).ToList();
    }

    /// <summary>Writes the workflows whose file is missing or differs; returns their paths.</summary>
    public static IReadOnlyList<string> Regenerate(ISlipwayBuild build, IReadOnlyList<TargetInfo> targets, AbsolutePath root)
    {
        var written = new List<string>();
        foreach (var (path, content) in Generate(build, targets))
        {
            var file = root / path;
            if (File.Exists(file) && File.ReadAllText(file) == content) continue;
            Directory.CreateDirectory(file.Parent!);
            File.WriteAllText(file, content);
            written.Add(path);
        }

        return written;
    }
}
