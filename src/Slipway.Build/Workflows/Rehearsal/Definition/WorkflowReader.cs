using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Slipway.Build.Workflows.Rehearsal;

/// <summary>A workflow file that can't be read; the message names the file, the field and what was expected.</summary>
public sealed class WorkflowFileException(string message) : InputException(message);

/// <summary>
/// Reads a committed workflow file with YamlDotNet, so that a rehearsal runs what GitHub will read rather than the
/// generator's model. Only what a rehearsal uses is read; matrices are expanded by GitHub's rules (axes, exclude, include).
/// </summary>
public static class WorkflowReader
{
    public static WorkflowDefinition Read(string file, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new WorkflowFileException($"{file}: not valid YAML at line {e.Start.Line}: {e.Message}");
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new WorkflowFileException($"{file}: expected one YAML document holding a mapping (name, on, jobs).");
        var at = new Fields(file);
        var jobs = at.Mapping(root, "jobs", required: true)!;
        var definition = new WorkflowDefinition(
            file,
            at.Scalar(root, "name") ?? Path.GetFileNameWithoutExtension(file),
            Triggers(at, root),
            at.Variables(root, "env", "env"),
            jobs.Children.Select(job => Job(at, at.Key(job.Key, "jobs"), job.Value)).ToList());
        if (definition.Jobs.Count == 0) throw new WorkflowFileException($"{file}: 'jobs' is empty.");
        foreach (var job in definition.Jobs)
        foreach (var need in job.Needs.Where(n => definition.Jobs.All(j => j.Id != n)))
            throw new WorkflowFileException($"{file}: jobs.{job.Id}.needs names '{need}', which is not a job of this workflow ({string.Join(", ", definition.Jobs.Select(j => j.Id))}).");
        return definition;
    }

    private static WorkflowTriggerSet Triggers(Fields at, YamlMappingNode root)
    {
        var on = at.Child(root, "on") ?? throw new WorkflowFileException($"{at.File}: 'on' is missing: expected the events that trigger the workflow.");
        IReadOnlyList<string> events = on switch
        {
            YamlScalarNode scalar => [scalar.Value ?? ""],
            YamlSequenceNode sequence => sequence.Children.Select(c => at.Key(c, "on")).ToList(),
            YamlMappingNode mapping => mapping.Children.Keys.Select(k => at.Key(k, "on")).ToList(),
            _ => throw new WorkflowFileException($"{at.File}: 'on' is neither an event, a list of events nor a mapping of them."),
        };
        var push = on is YamlMappingNode m && at.Child(m, "push") is YamlMappingNode p ? p : null;
        IReadOnlyDictionary<string, string?>? inputs = null;
        if (events.Contains("workflow_dispatch"))
        {
            var dispatch = on is YamlMappingNode map ? at.Child(map, "workflow_dispatch") as YamlMappingNode : null;
            var declared = dispatch is null ? null : at.Mapping(dispatch, "inputs", path: "on.workflow_dispatch.inputs");
            inputs = declared?.Children.ToDictionary(
                i => at.Key(i.Key, "on.workflow_dispatch.inputs"),
                i => i.Value is YamlMappingNode input ? at.Scalar(input, "default", $"on.workflow_dispatch.inputs.{i.Key}.default") : null)
                ?? new Dictionary<string, string?>();
        }

        return new WorkflowTriggerSet(
            events.Contains("push"),
            push is null ? [] : at.Strings(push, "branches", "on.push.branches"),
            push is null ? [] : at.Strings(push, "tags", "on.push.tags"),
            events.Contains("pull_request"),
            inputs);
    }

    private static JobDefinition Job(Fields at, string id, YamlNode node)
    {
        var path = $"jobs.{id}";
        if (node is not YamlMappingNode job) throw new WorkflowFileException($"{at.File}: {path} is not a mapping.");
        if (at.Child(job, "uses") is not null)
            throw new WorkflowFileException($"{at.File}: {path} calls a reusable workflow ('uses'), which the rehearsal does not run.");
        var steps = at.Child(job, "steps") as YamlSequenceNode ?? throw new WorkflowFileException($"{at.File}: {path}.steps is missing or not a list.");
        var defaults = at.Child(job, "defaults") is YamlMappingNode d && at.Child(d, "run") is YamlMappingNode run
            ? new JobRunDefaults(at.Scalar(run, "shell", $"{path}.defaults.run.shell"), at.Scalar(run, "working-directory", $"{path}.defaults.run.working-directory"))
            : new JobRunDefaults(null, null);
        var timeout = at.Scalar(job, "timeout-minutes", $"{path}.timeout-minutes");
        return new JobDefinition(
            id,
            at.Scalar(job, "name", $"{path}.name"),
            at.Strings(job, "needs", $"{path}.needs"),
            at.Scalar(job, "if", $"{path}.if"),
            at.Strings(job, "runs-on", $"{path}.runs-on"),
            Matrix(at, job, path),
            at.Variables(job, "env", $"{path}.env"),
            timeout is null ? null
            : double.TryParse(timeout, NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) && minutes > 0 ? minutes
            : Templates.HasExpression(timeout) ? throw new WorkflowFileException($"{at.File}: {path}.timeout-minutes '{timeout}': expressions there are not rehearsed; expected a number.")
            : throw new WorkflowFileException($"{at.File}: {path}.timeout-minutes '{timeout}' is not a positive number."),
            defaults,
            steps.Children.Select((s, i) => Step(at, s, i + 1, $"{path}.steps[{i}]")).ToList());
    }

    private static StepDefinition Step(Fields at, YamlNode node, int number, string path)
    {
        if (node is not YamlMappingNode step) throw new WorkflowFileException($"{at.File}: {path} is not a mapping.");
        var uses = at.Scalar(step, "uses", $"{path}.uses");
        var run = at.Scalar(step, "run", $"{path}.run");
        if ((uses is null) == (run is null)) throw new WorkflowFileException($"{at.File}: {path} needs exactly one of 'uses' and 'run'.");
        var with = at.Mapping(step, "with", path: $"{path}.with");
        var continueOnError = at.Scalar(step, "continue-on-error", $"{path}.continue-on-error");
        return new StepDefinition(
            number,
            at.Scalar(step, "name", $"{path}.name"),
            uses,
            run,
            at.Scalar(step, "if", $"{path}.if"),
            with?.Children.ToDictionary(w => at.Key(w.Key, $"{path}.with"), w => at.ScalarValue(w.Value, $"{path}.with.{w.Key}")) ?? new Dictionary<string, string>(),
            at.Variables(step, "env", $"{path}.env"),
            at.Scalar(step, "working-directory", $"{path}.working-directory"),
            at.Scalar(step, "shell", $"{path}.shell"),
            continueOnError switch
            {
                null or "false" => false,
                "true" => true,
                _ => throw new WorkflowFileException($"{at.File}: {path}.continue-on-error '{continueOnError}': expected true or false."),
            });
    }

    /// <summary>GitHub's expansion: every combination of the axes, less those an exclude matches, then each include merged or added.</summary>
    private static IReadOnlyList<IReadOnlyDictionary<string, string>> Matrix(Fields at, YamlMappingNode job, string path)
    {
        if (at.Child(job, "strategy") is not YamlMappingNode strategy || at.Child(strategy, "matrix") is not { } node) return [];
        var matrixPath = $"{path}.strategy.matrix";
        if (node is not YamlMappingNode matrix)
            throw new WorkflowFileException($"{at.File}: {matrixPath} is not a mapping{(node is YamlScalarNode ? " (expressions there are not rehearsed)" : "")}.");
        var axes = new List<(string Key, IReadOnlyList<string> Values)>();
        IReadOnlyList<Dictionary<string, string>> include = [], exclude = [];
        foreach (var (keyNode, value) in matrix.Children)
        {
            var key = at.Key(keyNode, matrixPath);
            if (key is "include" or "exclude")
            {
                var entries = (value as YamlSequenceNode ?? throw new WorkflowFileException($"{at.File}: {matrixPath}.{key} is not a list.")).Children
                    .Select((e, i) => e is YamlMappingNode entry
                        ? entry.Children.ToDictionary(c => at.Key(c.Key, $"{matrixPath}.{key}[{i}]"), c => at.ScalarValue(c.Value, $"{matrixPath}.{key}[{i}].{c.Key}"))
                        : throw new WorkflowFileException($"{at.File}: {matrixPath}.{key}[{i}] is not a mapping."))
                    .ToList();
                if (key == "include") include = entries;
                else exclude = entries;
            }
            else
                axes.Add((key, at.Strings(matrix, key, $"{matrixPath}.{key}")));
        }

        List<Dictionary<string, string>> legs = axes.Count == 0 ? [] : [new Dictionary<string, string>()];
        foreach (var (key, values) in axes)
            legs = legs.SelectMany(leg => values.Select(v => new Dictionary<string, string>(leg) { [key] = v })).ToList();
        legs.RemoveAll(leg => exclude.Any(e => e.All(kv => leg.TryGetValue(kv.Key, out var v) && v == kv.Value)));
        var original = legs.Select(l => new Dictionary<string, string>(l)).ToList();
        foreach (var entry in include)
        {
            // An include joins every combination whose axis values it doesn't change; when it joins none, it is a leg of its own.
            var joined = false;
            for (var i = 0; i < original.Count; i++)
            {
                if (entry.Any(kv => original[i].TryGetValue(kv.Key, out var v) && v != kv.Value)) continue;
                foreach (var (key, value) in entry) legs[i][key] = value;
                joined = true;
            }

            if (!joined) legs.Add(new Dictionary<string, string>(entry));
        }

        return legs;
    }

    /// <summary>Reads fields and names them in errors: the file, the path and what was expected.</summary>
    private sealed class Fields(string file)
    {
        public string File { get; } = file;

        public YamlNode? Child(YamlMappingNode mapping, string key) =>
            mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

        public string Key(YamlNode node, string path) =>
            node is YamlScalarNode { Value: { } key } ? key : throw new WorkflowFileException($"{File}: {path} has a key that is not a plain name.");

        public string ScalarValue(YamlNode node, string path) =>
            node is YamlScalarNode scalar ? scalar.Value ?? "" : throw new WorkflowFileException($"{File}: {path} is not a single value.");

        public string? Scalar(YamlMappingNode mapping, string key, string? path = null) =>
            Child(mapping, key) is { } node ? ScalarValue(node, path ?? key) : null;

        public YamlMappingNode? Mapping(YamlMappingNode mapping, string key, bool required = false, string? path = null) =>
            Child(mapping, key) switch
            {
                YamlMappingNode found => found,
                null when !required => null,
                null => throw new WorkflowFileException($"{File}: '{path ?? key}' is missing."),
                _ => throw new WorkflowFileException($"{File}: '{path ?? key}' is not a mapping."),
            };

        /// <summary>A value that may be one string or a list of them.</summary>
        public IReadOnlyList<string> Strings(YamlMappingNode mapping, string key, string path) =>
            Child(mapping, key) switch
            {
                null => [],
                YamlScalarNode scalar => [scalar.Value ?? ""],
                YamlSequenceNode sequence => sequence.Children.Select((c, i) => ScalarValue(c, $"{path}[{i}]")).ToList(),
                _ => throw new WorkflowFileException($"{File}: {path} is neither a value nor a list of values."),
            };

        public IReadOnlyList<KeyValuePair<string, string>> Variables(YamlMappingNode mapping, string key, string path) =>
            Mapping(mapping, key, path: path)?.Children.Select(c => KeyValuePair.Create(Key(c.Key, path), ScalarValue(c.Value, $"{path}.{c.Key}"))).ToList() ?? [];
    }
}
