using System.Globalization;

namespace Slipway.Build;

/// <summary>Converts the raw text a source gave for a parameter into the parameter's type.</summary>
public static class ParameterValueConverter
{
    /// <param name="parameter">The parameter, for its type, separator and names in errors.</param>
    /// <param name="raw">The values as given: one per CLI word, JSON array element, or one for the environment.</param>
    /// <param name="origin">Where the values came from, for errors ("command line", ".nuke/parameters.json").</param>
    /// <param name="root">The root that relative paths are resolved against.</param>
    public static object? Convert(ParameterDescriptor parameter, IReadOnlyList<string> raw, string origin, AbsolutePath root)
    {
        var type = Nullable.GetUnderlyingType(parameter.Type) ?? parameter.Type;
        if (type.IsArray)
        {
            var element = type.GetElementType()!;
            var items = raw.SelectMany(value => Split(value, parameter.Separator)).ToList();
            var array = Array.CreateInstance(element, items.Count);
            for (var i = 0; i < items.Count; i++) array.SetValue(ConvertScalar(parameter, element, items[i], origin, root), i);
            return array;
        }

        if (type == typeof(bool) && raw.Count == 0) return true;
        if (raw.Count != 1)
            throw new ParameterException(
                $"Parameter '{parameter.Name}' (from {origin}) takes one value of type {Describe(type)}, but got {raw.Count}: {string.Join(" ", raw)}.");
        return ConvertScalar(parameter, type, raw[0], origin, root);
    }

    private static IEnumerable<string> Split(string value, string? separator) =>
        separator is null
            ? value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : value.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static object ConvertScalar(ParameterDescriptor parameter, Type type, string value, string origin, AbsolutePath root)
    {
        object? result = type switch
        {
            _ when type == typeof(string) => value,
            // Strictly true or false: a word like "yes" may mean either to whoever wrote it.
            _ when type == typeof(bool) => value.ToLowerInvariant() switch
            {
                "true" => true,
                "false" => false,
                _ => null,
            },
            _ when type == typeof(int) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null,
            _ when type == typeof(long) => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : null,
            _ when type == typeof(double) => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
            _ when type == typeof(TimeSpan) => TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var t) ? t : null,
            _ when type == typeof(AbsolutePath) => value.Length > 0 ? AbsolutePath.Resolve(root, value) : null,
            _ when type.IsEnum => Enum.GetNames(type).FirstOrDefault(n => string.Equals(n, value.Replace("-", ""), StringComparison.OrdinalIgnoreCase)) is { } name
                ? Enum.Parse(type, name)
                : null,
            _ => throw new BuildDefinitionException($"Parameter '{parameter.Name}' has type {type.Name}, which Slipway cannot convert."),
        };

        return result ?? throw new ParameterException(
            $"Parameter '{parameter.Name}' (from {origin}): '{(parameter.IsSecret ? "***" : value)}' is not a valid value; expected: {Describe(type)}.");
    }

    /// <summary>The type as a user reads it, with the valid values of an enum.</summary>
    public static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsArray) return $"list of {Describe(type.GetElementType()!)}";
        if (type.IsEnum) return $"one of {string.Join(", ", Enum.GetNames(type))}";
        return type switch
        {
            _ when type == typeof(string) => "string",
            _ when type == typeof(bool) => "bool (true or false)",
            _ when type == typeof(int) || type == typeof(long) => "whole number",
            _ when type == typeof(double) => "number",
            _ when type == typeof(TimeSpan) => "time span (hh:mm:ss)",
            _ when type == typeof(AbsolutePath) => "path",
            _ => type.Name,
        };
    }
}
