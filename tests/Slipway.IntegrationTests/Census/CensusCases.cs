namespace Slipway.IntegrationTests.Census;

/// <summary>
/// The census of bad inputs: the command line, parameters files, compose files, smoke files, scan and publish inputs,
/// and git. Each one must fail at once, before Restore and BuildImages, with an error that names what is wrong.
/// </summary>
public static class CensusCases
{
    private const string ReferenceCompose = "src/ReferenceStack/compose.yaml";

    private static string Smoke(CensusWorkspace w, string name, string yaml) => w.Write($"smoke/{name}.yaml", yaml);

    private static string[] WithSmoke(CensusWorkspace w, string name, string yaml) => ["--smoke-file", Smoke(w, name, yaml)];

    private const string OneCheck = "checks:\n  - name: ok\n    http: {url: http://proxy:8080/healthz}\n";

    public static IReadOnlyList<CensusCase> All { get; } =
    [
        // The command line.
        new("unknown target", _ => ["NoSuchTarget"], ["NoSuchTarget", "SmokeTest"]),
        new("unknown parameter", _ => ["--no-such-parameter", "x"], ["no-such-parameter"]),
        new("bool that is not true or false", _ => ["--keep-stack", "yes"], ["'KeepStack'", "'yes'", "true or false"]),
        new("negative wait timeout", _ => ["--wait-timeout", "-5"], ["'WaitTimeout'", "-5", "from 1 to 3600"]),
        new("zero wait timeout", _ => ["--wait-timeout", "0"], ["'WaitTimeout'", "0 is out of range"]),
        new("huge wait timeout", _ => ["--wait-timeout", "99999"], ["'WaitTimeout'", "99999", "from 1 to 3600"]),
        new("wait timeout in words", _ => ["--wait-timeout", "ten"], ["'WaitTimeout'", "'ten'", "whole number"]),
        new("platform of another os", _ => ["--platform", "linux/amd64,plan9/x"], ["'Platform'", "'plan9/x'", "linux/"]),
        new("platform without an architecture", _ => ["--platform", "linux"], ["'Platform'", "'linux'", "os/architecture"]),
        new("windows platform", _ => ["--platform", "windows/amd64"], ["'Platform'", "'windows/amd64'", "linux/"]),
        new("unknown architecture", _ => ["--platform", "linux/z80"], ["'Platform'", "'linux/z80'", "amd64, arm64"]),
        new("compose files joined by a comma", _ => ["--compose-file", "a.yaml,b.yaml"], ["'ComposeFile'", "a.yaml,b.yaml", "separated by spaces"]),
        new("compose file that is not there", _ => ["--compose-file", "/nonexistent/compose.yaml"], ["'ComposeFile'", "/nonexistent/compose.yaml", "does not exist"]),
        new("env file that is not there", _ => ["--env-file", "/nonexistent/.env"], ["'EnvFile'", "/nonexistent/.env", "does not exist"]),
        new("compose variable without =", _ => ["--compose-env", "NOEQUALS"], ["'ComposeEnv'", "'NOEQUALS'", "KEY=VALUE"]),
        new("compose variable without a name", _ => ["--compose-env", "=1"], ["'ComposeEnv'", "'=1'", "KEY=VALUE"]),
        new("build argument without =", _ => ["--build-arg", "VERSION"], ["'BuildArg'", "'VERSION'", "KEY=VALUE"]),
        new("image prefix with a space", _ => ["--image-prefix", "Acme Corp/app"], ["'ImagePrefix'", "'Acme Corp/app'", "lowercase"]),
        new("image prefix in capitals", _ => ["--image-prefix", "Acme/App"], ["'ImagePrefix'", "'Acme/App'", "lowercase"]),
        new("image prefix with an empty component", _ => ["--image-prefix", "acme//app"], ["'ImagePrefix'", "'acme//app'", "between components"]),
        new("registry cache without a reference", _ => ["--build-cache", "Registry"], ["'BuildCacheRef'", "--build-cache Registry"]),
        new("unknown cache kind", _ => ["--build-cache", "Sometimes"], ["'BuildCache'", "'Sometimes'", "Local"]),
        new("unknown severity", _ => ["ScanImages", "--scan-severity", "Extreme"], ["'ScanSeverity'", "'Extreme'", "Critical"]),
        new("unknown verbosity", _ => ["--verbosity", "loud"], ["verbosity", "loud"]),
        new("profile that is not there", _ => ["--profile", "nowhere"], ["Profile 'nowhere'", "parameters.nowhere.json"]),
        new("skip of an unknown target", _ => ["--skip", "NoSuchTarget"], ["NoSuchTarget"]),
        new("unknown plan format", _ => ["--plan", "--format", "xml"], ["format", "xml"]),
        new("smoke file that is not there", _ => ["--smoke-file", "/nonexistent/smoke.yaml"], ["/nonexistent/smoke.yaml", "does not exist", "--smoke-file"]),

        // Parameters files (profiles, read as .nuke/parameters.json is).
        new("parameters file that is not JSON", w => ["--profile", "broken"], ["parameters.broken.json"], CensusPlace.NotInGit),
        new("parameters file with a value of the wrong type", w => ["--profile", "typed"], ["'WaitTimeout'", "'soon'", "whole number"], CensusPlace.NotInGit),
        new("parameters file with an unknown parameter", w => ["--profile", "unknown"], ["NoSuchParameter", "parameters.unknown.json"], CensusPlace.NotInGit),

        // Compose files.
        new("compose file that is not YAML", w => ["--compose-file", w.Write("compose/not-yaml.yaml", "services: [unclosed\n")], ["compose rejected the stack", "not-yaml.yaml"]),
        new("compose file with an unknown key", w => ["--compose-file", w.Write("compose/unknown-key.yaml", "services:\n  a:\n    image: x\n    colour: red\n")], ["compose rejected the stack", "colour"]),
        new("compose variable that must be set", w => ["--compose-file", w.Write("compose/required.yaml", "services:\n  a:\n    image: \"x:${TAG:?TAG must be set}\"\n")], ["compose rejected the stack", "TAG must be set"]),
        new("build context that is not there", w => ["--compose-file", w.Write("compose/no-context.yaml", "services:\n  a:\n    build: ./missing\n")], ["Service 'a'", "build context", "missing", "does not exist"]),
        new("Dockerfile that is not there", w => ["--compose-file", w.Write("compose/no-dockerfile/compose.yaml", "services:\n  a:\n    build: {context: ., dockerfile: Nope.Dockerfile}\n")], ["Service 'a'", "Nope.Dockerfile", "does not exist"]),

        // Smoke files.
        new("smoke file with an unknown top-level field", w => WithSmoke(w, "top", "colour: red\n" + OneCheck), ["top.yaml", "field 'colour'", "timeout, checks"]),
        new("smoke check with an unknown field", w => WithSmoke(w, "field", "checks:\n  - name: x\n    http: {url: http://proxy:8080/}\n    colour: red\n"), ["field.yaml", "check 'x'", "field 'colour'", "unknown field"]),
        new("smoke check without a name", w => WithSmoke(w, "nameless", "checks:\n  - http: {url: http://proxy:8080/}\n"), ["nameless.yaml", "field 'name'", "is required"]),
        new("smoke checks with one name twice", w => WithSmoke(w, "twice", "checks:\n  - name: x\n    http: {url: http://proxy:8080/}\n  - name: x\n    http: {url: http://proxy:8080/}\n"), ["twice.yaml", "'x'"]),
        new("smoke URL that is not absolute", w => WithSmoke(w, "url", "checks:\n  - name: x\n    http: {url: proxy/healthz}\n"), ["url.yaml", "field 'http.url'", "absolute http"]),
        new("smoke method in lower case", w => WithSmoke(w, "method", "checks:\n  - name: x\n    http: {method: get, url: http://proxy:8080/}\n"), ["method.yaml", "field 'http.method'", "capitals"]),
        new("smoke tcp port out of range", w => WithSmoke(w, "port", "checks:\n  - name: x\n    tcp: {service: cache, port: 70000}\n"), ["port.yaml", "field 'tcp.port'", "70000"]),
        new("smoke exec in a service the stack lacks", w => WithSmoke(w, "service", "checks:\n  - name: x\n    exec: {service: dbb, command: [true]}\n"), ["service.yaml", "'dbb' is not a service of the stack", "db"]),
        new("smoke JSONPath without $", w => WithSmoke(w, "dollar", "checks:\n  - name: x\n    http: {url: http://proxy:8080/}\n    expect: {json: {status: up}}\n"), ["dollar.yaml", "json.status", "starting with '$'"]),
        new("smoke JSONPath that is cut short", w => WithSmoke(w, "jsonpath", "checks:\n  - name: x\n    http: {url: http://proxy:8080/}\n    expect:\n      json:\n        '$.components[?(@.x==': up\n"), ["jsonpath.yaml", "not a valid JSONPath expression"]),
        new("smoke status out of range", w => WithSmoke(w, "status", "checks:\n  - name: x\n    http: {url: http://proxy:8080/}\n    expect: {status: 700}\n"), ["status.yaml", "field 'expect.status'", "700"]),
        new("smoke duration in words", w => WithSmoke(w, "duration", "timeout: 5 parsecs\n" + OneCheck), ["duration.yaml", "field 'timeout'", "5 parsecs"]),
        new("smoke file that is not YAML", w => WithSmoke(w, "syntax", "checks: [unclosed\n"), ["syntax.yaml"]),
        new("smoke file that is empty", w => WithSmoke(w, "empty", ""), ["empty.yaml", "checks"]),
        new("smoke capture in a tcp step", w => WithSmoke(w, "capture", "checks:\n  - name: x\n    tcp: {service: cache, port: 6379}\n    capture: {id: $.id}\n"), ["capture.yaml", "field 'capture'", "only http steps"]),
        new("smoke placeholder never captured", w => WithSmoke(w, "placeholder", "checks:\n  - name: x\n    http: {url: 'http://proxy:8080/${nope}'}\n"), ["placeholder.yaml", "'${nope}'", "neither built in"]),

        // Scan inputs.
        new("advisory folder that is not there", _ => ["ScanImages", "--advisories", "/nonexistent/osv"], ["'Advisories'", "/nonexistent/osv", "does not exist"]),
        new("advisory file that is not JSON", w => ["ScanImages", "--advisories", Path.GetDirectoryName(w.Write("osv-json/bad.json", "{ not json"))!], ["'Advisories'", "bad.json", "not valid JSON"]),
        new("advisory without an id", w => ["ScanImages", "--advisories", Path.GetDirectoryName(w.Write("osv-id/a.json", "{\"summary\": \"x\"}"))!], ["'Advisories'", "a.json", "field 'id' is missing"]),
        new("advisory range without a type", w => ["ScanImages", "--advisories", Path.GetDirectoryName(w.Write("osv-range/a.json",
            "{\"id\":\"X-1\",\"affected\":[{\"package\":{\"ecosystem\":\"Debian:12\",\"name\":\"a\"},\"ranges\":[{\"events\":[]}]}]}"))!], ["'Advisories'", "X-1", "lacks 'type'"]),
        new("ignore file that is not there", _ => ["ScanImages", "--scan-ignore-file", "/nonexistent/.trivyignore"], ["'ScanIgnoreFile'", "/nonexistent/.trivyignore", "does not exist"]),
        new("ignore file with an impossible date", w => ["ScanImages", "--scan-ignore-file", w.Write("ignore/date", "CVE-2024-1 exp:2024-13-45\n")], ["'ScanIgnoreFile'", "date:1", "exp:2024-13-45", "exp:YYYY-MM-DD"]),
        new("ignore file with a stray word", w => ["ScanImages", "--scan-ignore-file", w.Write("ignore/word", "CVE-2024-1 forever\n")], ["'ScanIgnoreFile'", "word:1", "'forever'"]),
        new("OSV endpoint that is not a URL", _ => ["ScanImages", "--osv-api", "osv dot dev"], ["'OsvApi'", "'osv dot dev'", "https://api.osv.dev/"]),

        // Publish inputs.
        new("registry with another scheme", _ => ["Publish", "--registry", "ftp://registry.example.com/acme"], ["'Registry'", "ftp", "HOST[:PORT]/NAMESPACE"]),
        new("registry with a space", _ => ["Publish", "--registry", "ghcr io/acme"], ["'Registry'", "'ghcr io/acme'", "not a registry address"]),
        new("registry over plain http elsewhere than the loopback", _ => ["Publish", "--registry", "http://registry.example.com/acme"], ["'Registry'", "plain http", "loopback"]),
        new("registry namespace with a bad character", _ => ["Publish", "--registry", "ghcr.io/acme$"], ["'Registry'", "'ghcr.io/acme$'", "letters, digits"]),
        new("registry user without a password", _ => ["Publish", "--registry", "localhost:5999/acme", "--registry-username", "bob"], ["'RegistryPassword'", "REGISTRY_PASSWORD"]),
        new("registry password without a user", _ => ["PushByDigest", "--registry", "localhost:5999/acme", "--registry-password", "census-secret-1"], ["'RegistryUsername'", "--registry-username"]),
        new("version without a patch number", _ => ["Publish", "--version", "1.2"], ["'Version'", "'1.2'", "MAJOR.MINOR.PATCH"]),
        new("version with a leading zero", _ => ["Publish", "--version", "v01.2.3"], ["'Version'", "'v01.2.3'", "MAJOR.MINOR.PATCH"]),
        new("PushByDigest without a registry", _ => ["PushByDigest"], ["'Registry'", "--registry"]),
        new("signing with a key but no key", _ => ["Publish", "--registry", "localhost:5999/acme", "--signing", "Key"], ["'Signing'", "--cosign-key"]),
        new("signing key that is not there", _ => ["Publish", "--cosign-key", "/nonexistent/cosign.key"], ["'CosignKey'", "/nonexistent/cosign.key", "does not exist"]),
        new("signing with the public half", w => ["Publish", "--cosign-key", w.Write("keys/cosign.pub", "-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----\n")], ["'CosignKey'", "cosign.pub", "private key"]),
        new("keyless signing of a dry run", _ => ["Publish", "--signing", "Keyless"], ["'Signing'", "Keyless", "dry run"]),
        new("verification with nothing to verify against", _ => ["VerifyImages", "--registry", "localhost:5999/acme"], ["nothing to verify against", "--cosign-key"]),

        // Git.
        new("a checkout that is not in git", _ => ["BuildImages"], ["is not in a git repository", "sha-<commit>", "git init"], CensusPlace.NotInGit),
        new("a repository with no commits", _ => ["BuildImages"], ["has no commits yet", "Commit the stack"], CensusPlace.NoCommits),
    ];
}
