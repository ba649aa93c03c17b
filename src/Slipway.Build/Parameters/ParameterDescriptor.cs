using System.Reflection;
using System.Text;

namespace Slipway.Build;

/// <summary>A declared parameter: the member, its names and its type.</summary>
public sealed class ParameterDescriptor
{
    public ParameterDescriptor(MemberInfo member, ParameterAttribute attribute)
    {
        Member = member;
        Name = member.Name;
        CliName = ToKebabCase(member.Name);
        Type = member switch
        {
            FieldInfo f => f.FieldType,
            PropertyInfo p => p.PropertyType,
            _ => throw new ArgumentException($"{member.Name} is neither a field nor a property.", nameof(member)),
        };
        Description = attribute.Description;
        Separator = attribute.Separator;
        IsSecret = member.IsDefined(typeof(SecretAttribute));
        IsRequired = member.IsDefined(typeof(RequiredAttribute));
    }

    public MemberInfo Member { get; }

    /// <summary>The member's name, as in parameters.json: <c>RegistryPassword</c>.</summary>
    public string Name { get; }

    /// <summary>The command-line name without dashes: <c>registry-password</c>.</summary>
    public string CliName { get; }

    public Type Type { get; }
    public string? Description { get; }
    public string? Separator { get; }
    public bool IsSecret { get; }
    public bool IsRequired { get; }

    /// <summary>The key every source is matched on: case, '-' and '_' ignored.</summary>
    public string Key => NormalizeKey(Name);

    /// <summary>A field or writable property of the build class gets the value set; a component's property reads it.</summary>
    public bool IsInjected => Member is FieldInfo || (Member is PropertyInfo { CanWrite: true } p && !p.DeclaringType!.IsInterface);

    public static string NormalizeKey(string name) =>
        new(name.Where(c => c != '-' && c != '_').Select(char.ToLowerInvariant).ToArray());

    public static string ToKebabCase(string name)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var startsWord = char.IsUpper(c) && i > 0 &&
                             (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
            if (startsWord) builder.Append('-');
            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>Every [Parameter] member of the build class, its base classes and its component interfaces.</summary>
    public static IReadOnlyList<ParameterDescriptor> Discover(Type buildType)
    {
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var types = new List<Type>();
        for (var t = buildType; t is not null && t != typeof(object); t = t.BaseType) types.Insert(0, t);
        types.AddRange(Components.Of(buildType));

        var found = new List<ParameterDescriptor>();
        foreach (var type in types)
        foreach (var member in type.GetMembers(flags).Where(m => m is FieldInfo or PropertyInfo).OrderBy(m => m.MetadataToken))
        {
            if (member.GetCustomAttribute<ParameterAttribute>() is not { } attribute) continue;
            var descriptor = new ParameterDescriptor(member, attribute);
            if (found.Any(p => p.Key == descriptor.Key))
                throw new BuildDefinitionException($"Two parameters are named '{descriptor.Name}'; rename one.");
            found.Add(descriptor);
        }

        return found;
    }
}
