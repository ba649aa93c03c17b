using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Slipway.GlobalTool.Scaffold;

/// <summary>
/// The text of every file init writes. Slipway's own repository has the same build project, bootstrap and
/// parameters, with project references in place of packages (a test compares them).
/// </summary>
public static class ScaffoldFiles
{
    public const string BuildProjectPath = "build/_build.csproj";
    public const string BuildClassPath = "build/Build.cs";
    public const string ParametersPath = ".nuke/parameters.json";
    public const string SchemaPath = ".nuke/build.schema.json";
    public const string GlobalJsonPath = "global.json";
    public const string NuGetConfigPath = "nuget.config";
    public const string GitIgnorePath = ".gitignore";

    /// <summary>The bootstrap scripts, from Slipway's own repository; the shell script and PowerShell's are executable.</summary>
    public static readonly IReadOnlyList<(string Path, bool Executable)> Bootstrap = [("build.sh", true), ("build.ps1", true), ("build.cmd", false)];

    /// <summary>What the build writes under the root and git should not see.</summary>
    public static readonly IReadOnlyList<string> IgnoredFolders = [".nuke/temp/", "artifacts/", "build/bin/", "build/obj/"];

    public static string BootstrapScript(string name) => EmbeddedFiles.Read($"Bootstrap/{name}");

    public static string GlobalJson() => EmbeddedFiles.Read("Bootstrap/global.json");

    public static string BuildProject(BuildReferences references) =>
        $"""
         <Project Sdk="Microsoft.NET.Sdk">
           <!-- The build that ./build.sh compiles and runs (as slipway init writes it). -->
           <PropertyGroup>
             <OutputType>Exe</OutputType>
             <TargetFramework>net10.0</TargetFramework>
             <Nullable>enable</Nullable>
             <ImplicitUsings>enable</ImplicitUsings>
             <IsPackable>false</IsPackable>
             <!-- Slipway's versions are set here, whatever central package management the repository has. -->
             <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
             <!-- [Parameter] fields are set by reflection, which the compiler does not see. -->
             <NoWarn>$(NoWarn);CS0649;CS0169</NoWarn>
           </PropertyGroup>
           <ItemGroup>
         {string.Concat(references.Items().Select(i => $"    {i}\n"))}  </ItemGroup>
         </Project>

         """;

    public static string Parameters(IReadOnlyList<string> composeFiles, IReadOnlyList<string> composeProfiles)
    {
        var text = new StringBuilder("{\n  \"$schema\": \"./build.schema.json\",\n");
        var entries = new List<string> { $"  \"ComposeFile\": {JsonList(composeFiles)}" };
        if (composeProfiles.Count > 0) entries.Add($"  \"ComposeProfile\": {JsonList(composeProfiles)}");
        text.Append(string.Join(",\n", entries)).Append("\n}\n");
        return text.ToString();
    }

    public static string BuildClass(CiSettings ci)
    {
        var platforms = string.Join(", ", ci.Platforms.Select(CSharp));
        var (credentials, parameters, secrets) = ci.UsesGitHubRegistry
            ? ("// The workflow's own token pushes to GitHub's registry (Slipway lower-cases the owner) and cuts the release.",
                $"[{CSharp($"Registry={ci.Registry}")}, \"RegistryUsername=${{{{ github.actor }}}}\"]",
                "[\"RegistryPassword=GITHUB_TOKEN\", \"GitHubToken=GITHUB_TOKEN\"]")
            : ("// The registry's user is the repository variable REGISTRY_USERNAME, its password the secret REGISTRY_PASSWORD.",
                $"[{CSharp($"Registry={ci.Registry}")}, \"RegistryUsername=${{{{ vars.REGISTRY_USERNAME }}}}\"]",
                "[\"RegistryPassword=REGISTRY_PASSWORD\", \"GitHubToken=GITHUB_TOKEN\"]");
        return $$$"""
                 using Slipway.Build;
                 using Slipway.Containers.Publishing;
                 using Slipway.Containers.Smoke;

                 /// <summary>
                 /// This repository's build, as slipway init wrote it: Restore → BuildImages → ScanImages → ComposeUp → SmokeTest → Publish
                 /// on the compose stack that .nuke/parameters.json names. ./build.sh runs SmokeTest (ComposeDown always follows);
                 /// ./build.sh --help lists the targets and parameters. Add targets of your own here; the workflows follow them.
                 /// </summary>
                 [GitHubActions("ci",
                     OnPushBranches = [{{{CSharp(ci.Branch)}}}],
                     OnPullRequestBranches = [{{{CSharp(ci.Branch)}}}],
                     InvokedTargets = [nameof(ISmokeTest.SmokeTest)],
                     Platforms = [{{{platforms}}}],
                     ConcurrencyGroup = "${{ github.workflow }}-${{ github.ref }}",
                     ConcurrencyCancelInProgress = true)]
                 [GitHubActions("release",
                     OnPushTags = ["v*"],
                     InvokedTargets = [nameof(IPushByDigest.PushByDigest), nameof(IPublish.Publish)],
                     Platforms = [{{{platforms}}}],
                     {{{credentials}}}
                     Parameters = {{{parameters}}},
                     ImportSecrets = {{{secrets}}},
                     ConcurrencyGroup = "${{ github.workflow }}-${{ github.ref }}",
                     Environment = "release")]
                 class Build : SlipwayBuild, IPublish, ICheckWorkflows
                 {
                     public static int Main() => Execute<Build>(x => x.From<ISmokeTest>().SmokeTest);
                 }

                 """;
    }

    /// <param name="feed">The feed as nuget.config should name it: relative to the root when it is inside, else absolute.</param>
    public static string NuGetConfig(string feed) =>
        $"""
         <?xml version="1.0" encoding="utf-8"?>
         <!-- Written by slipway init: Slipway's packages come from this local feed, the others from the usual sources. -->
         <configuration>
           <packageSources>
             <add key="slipway" value="{System.Security.SecurityElement.Escape(feed)}" />
           </packageSources>
         </configuration>

         """;

    public static string GitIgnore(IReadOnlyList<string> lines) =>
        "# Slipway: what ./build.sh writes (build output, caches, logs, artifacts)\n" + string.Concat(lines.Select(l => l + "\n"));

    private static readonly JsonSerializerOptions ReadableJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string JsonList(IReadOnlyList<string> values) => "[" + string.Join(", ", values.Select(v => JsonSerializer.Serialize(v, ReadableJson))) + "]";

    /// <summary>A C# string literal; the planner has refused line breaks and other control characters already.</summary>
    private static string CSharp(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
