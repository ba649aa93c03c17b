using Slipway.Build;
using Slipway.Build.Workflows.Rehearsal;
using Slipway.Containers.Building;
using Slipway.Containers.Publishing;
using Slipway.Containers.Publishing.Registry;

namespace Slipway.Containers.Rehearsal;

/// <summary>
/// The stand-ins of container builds. A workflow that gives its jobs the registry parameter publishes during a
/// rehearsal to the rehearsal's own --registry, or else to a throw-away local registry (Publish's dry run, shared by
/// every job so that the platforms' pushes are there for the merge) with no login; the GitHub release token is withheld,
/// so that a rehearsal never cuts a release.
/// </summary>
internal static class RehearsalStandIns
{
    public static Task<IRehearsalStandIn> ImagesOnly(IBuildImages build) =>
        Task.FromResult<IRehearsalStandIn>(new ContainerStandIn(build.Log, new Dictionary<string, string>(), null));

    public static async Task<IRehearsalStandIn> WithRegistryAsync(IPushByDigest build, RehearsalPlan plan, IReadOnlyList<string> withheld, CancellationToken cancellationToken)
    {
        var given = plan.Runs.SelectMany(r => r.Env).Select(e => e.Key).Distinct().ToList();
        IReadOnlyList<string> Named(string parameter) => given.Where(v => ParameterDescriptor.NormalizeKey(v) == ParameterDescriptor.NormalizeKey(parameter)).ToList();
        var registryVariables = Named(nameof(IPushByDigest.Registry));
        var variables = withheld.SelectMany(Named).ToDictionary(v => v, _ => "");
        if (registryVariables.Count == 0) return new ContainerStandIn(build.Log, variables, null);

        LocalRegistry? local = null;
        string address;
        if (build.Registry is { Length: > 0 } registry)
        {
            address = registry;
            foreach (var v in Named(nameof(IPushByDigest.RegistryUsername))) variables[v] = build.RegistryUsername ?? "";
            foreach (var v in Named(nameof(IPushByDigest.RegistryPassword))) variables[v] = build.RegistryPassword ?? "";
        }
        else
        {
            local = await LocalRegistry.StartAsync(cancellationToken: cancellationToken);
            address = RegistryAddress.Parse($"{local.Host}/{plan.Context.Owner.ToLowerInvariant()}").ToString();
            foreach (var v in Named(nameof(IPushByDigest.RegistryUsername)).Concat(Named(nameof(IPushByDigest.RegistryPassword)))) variables[v] = "";
        }

        foreach (var v in registryVariables) variables[v] = address;
        build.Log.Warning("Rehearsal: the jobs publish to {Address}{Kind} in place of the workflow's registry; {Withheld} withheld",
            address, local is null ? " (--registry)" : ", a throw-away registry for this rehearsal", string.Join(", ", variables.Keys.Where(k => !registryVariables.Contains(k)).Order()));
        return new ContainerStandIn(build.Log, variables, local);
    }
}
