using System.Security.Cryptography;
using Slipway.Build.Processes;
using Slipway.Build.Workflows.Rehearsal;
using Slipway.Build;
using Slipway.Containers.Building;
using Slipway.Containers.Publishing.Registry;
using Slipway.Containers.Publishing.Signing;
using Slipway.Containers.Publishing;

namespace Slipway.Containers.Rehearsal;

/// <summary>
/// The stand-ins of container builds. A workflow that gives its jobs the registry parameter publishes during a
/// rehearsal to the rehearsal's own --registry, or else to a throw-away local registry (Publish's dry run, shared by
/// every job so that the platforms' pushes are there for the merge) with no login; the GitHub release token is withheld,
/// so that a rehearsal never cuts a release. A workflow that signs (keyless, with GitHub's OIDC token, which only a
/// runner has) signs and verifies during a rehearsal with a throw-away key pair instead.
/// </summary>
internal static class RehearsalStandIns
{
    public static Task<IRehearsalStandIn> ImagesOnly(IBuildImages build) =>
        Task.FromResult<IRehearsalStandIn>(new ContainerStandIn(build.Log, new Dictionary<string, string>(), null, null));

    public static async Task<IRehearsalStandIn> WithRegistryAsync(IPushByDigest build, RehearsalPlan plan, IReadOnlyList<string> withheld, CancellationToken cancellationToken)
    {
        var given = plan.Runs.SelectMany(r => r.Env).Select(e => e.Key).Distinct().ToList();
        IReadOnlyList<string> Named(string parameter) => given.Where(v => ParameterDescriptor.NormalizeKey(v) == ParameterDescriptor.NormalizeKey(parameter)).ToList();
        var registryVariables = Named(nameof(IPushByDigest.Registry));
        var variables = withheld.SelectMany(Named).ToDictionary(v => v, _ => "");
        if (registryVariables.Count == 0) return new ContainerStandIn(build.Log, variables, null, null);

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

        var signingVariables = Named(nameof(IVerifyImages.Signing));
        string? keys = null;
        var companions = new Dictionary<string, string>();
        if (signingVariables.Count > 0)
        {
            (keys, var password) = await ThrowAwayKeysAsync(build, cancellationToken);
            foreach (var v in signingVariables) variables[v] = nameof(SigningMode.Key);
            // The build reads its parameters from variables named like them (case and '_' aside).
            companions["COSIGN_KEY"] = Path.Combine(keys, "cosign.key");
            companions["COSIGN_PASSWORD"] = password;
            build.Log.Warning("Rehearsal: the jobs sign and verify with a throw-away key pair in place of the workflow's {Signing} signing", string.Join(", ", signingVariables.Select(v => plan.Runs.SelectMany(r => r.Env).First(e => e.Key == v).Value).Distinct()));
        }

        return new ContainerStandIn(build.Log, variables, local, keys, companions);
    }

    /// <summary>cosign.key and cosign.pub in a folder of their own, the key's password added to the masked secrets.</summary>
    private static async Task<(string Folder, string Password)> ThrowAwayKeysAsync(IPushByDigest build, CancellationToken cancellationToken)
    {
        await build.RestoreToolsAsync([SigningSession.Tool], "to sign in the rehearsal", cancellationToken);
        var keys = Directory.CreateTempSubdirectory("slipway-rehearsal-keys-").FullName;
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        build.Context.Masker.Add(password);
        await build.Processes.RunAsync(Cosign.Executable, ["generate-key-pair"], new ProcessOptions
        {
            WorkingDirectory = keys, Quiet = true, Environment = new Dictionary<string, string?> { ["COSIGN_PASSWORD"] = password },
        }, cancellationToken);
        return (keys, password);
    }
}
