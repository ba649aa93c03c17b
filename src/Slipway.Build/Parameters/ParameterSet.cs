namespace Slipway.Build;

/// <summary>A parameter's value and where it came from ("command line", "environment", a profile, "default").</summary>
public sealed record ResolvedParameter(ParameterDescriptor Descriptor, object? Value, string Origin)
{
    public bool IsSet => Origin != ParameterSet.DefaultOrigin;
}

/// <summary>The resolved values of a run's parameters; components read theirs through <c>TryGetValue</c>.</summary>
public sealed class ParameterSet
{
    public const string DefaultOrigin = "default";

    private readonly Dictionary<string, ResolvedParameter> _byKey;

    private ParameterSet(IReadOnlyList<ResolvedParameter> all)
    {
        All = all;
        _byKey = all.ToDictionary(p => p.Descriptor.Key);
    }

    public IReadOnlyList<ResolvedParameter> All { get; }

    public static ParameterSet Empty { get; } = new([]);

    /// <summary>Takes each parameter's value from the first source (highest precedence first) that has it.</summary>
    public static ParameterSet Resolve(IReadOnlyList<ParameterDescriptor> parameters, IReadOnlyList<ParameterSource> highestFirst, AbsolutePath root) =>
        new(parameters.Select(parameter =>
        {
            foreach (var source in highestFirst)
                if (source.Values.TryGetValue(parameter.Key, out var raw))
                    return new ResolvedParameter(parameter, ParameterValueConverter.Convert(parameter, raw, source.Origin, root), source.Origin);
            return new ResolvedParameter(parameter, null, DefaultOrigin);
        }).ToList());

    public ResolvedParameter? Find(string name) => _byKey.GetValueOrDefault(ParameterDescriptor.NormalizeKey(name));

    /// <summary>The value set by a source, or default when none set it (the member's initializer then applies).</summary>
    public T? Get<T>(string name)
    {
        var found = Find(name) ?? throw new BuildDefinitionException($"'{name}' is not a [Parameter] of this build.");
        return found.IsSet ? (T?)found.Value : default;
    }
}
