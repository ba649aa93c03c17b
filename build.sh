#!/usr/bin/env bash
# Bootstrap: find dotnet, check it satisfies global.json, rebuild the build project only when its
# inputs changed, then run it with the arguments: ./build.sh [targets…] [--parameter value…]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TEMP="$ROOT/.nuke/temp"
BIN="$TEMP/bin"
STAMP="$TEMP/build-inputs.sha256"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

fail() { echo "build.sh: $*" >&2; exit 1; }

# global.json pins the SDK; rollForward latestPatch accepts the same feature band (10.0.4xx) at that patch or later.
REQUIRED="$(sed -n 's/.*"version"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$ROOT/global.json" | head -n 1)"
[ -n "$REQUIRED" ] || fail "global.json has no sdk.version"
BAND="${REQUIRED%??}"           # 10.0.401 -> 10.0.4
MIN_PATCH="${REQUIRED##*.}"      # 401

DOTNET="${DOTNET_EXE:-}"
if [ -z "$DOTNET" ]; then
  DOTNET="$(command -v dotnet || true)"
  [ -n "$DOTNET" ] || { [ -x "$HOME/.dotnet/dotnet" ] && DOTNET="$HOME/.dotnet/dotnet"; }
fi
[ -n "$DOTNET" ] && [ -x "$DOTNET" ] || fail "no dotnet found on PATH or in DOTNET_EXE. Install the .NET SDK $BAND"xx" (at least $REQUIRED), e.g. 'apt-get install dotnet-sdk-10.0' or https://dot.net/install, or set DOTNET_EXE."

satisfied=""
while read -r version _; do
  case "$version" in
    "$BAND"??) [ "${version##*.}" -ge "$MIN_PATCH" ] 2>/dev/null && satisfied="$version" ;;
  esac
done < <("$DOTNET" --list-sdks)
[ -n "$satisfied" ] || fail "$DOTNET has SDKs [$("$DOTNET" --list-sdks | cut -d' ' -f1 | tr '\n' ' ')] but global.json needs $REQUIRED or a later patch of the $BAND"xx" band. Install .NET SDK $REQUIRED (https://dot.net/install: dotnet-install.sh --version $REQUIRED) or set DOTNET_EXE to one that has it."

# Everything the build project compiles from: build/, the projects it references, and the files at the root that
# MSBuild and NuGet read. A change to any of it (or to the SDK) rebuilds. The same script serves every repository.
inputs_hash() {
  cd "$ROOT"
  local references
  references="$(sed -n 's/.*<ProjectReference[^>]*Include="\([^"]*\)".*/\1/p' build/_build.csproj | tr '\\' '/' | sed 's|^|build/|; s|/[^/]*$||')"
  {
    echo "$satisfied"
    # shellcheck disable=SC2086 # one folder per line, none with spaces
    find build $references \( -name bin -o -name obj \) -prune -o -type f -print0 | sort -z | xargs -0 sha256sum
    for file in global.json Directory.Build.props Directory.Build.targets Directory.Packages.props [Nn]u[Gg]et.[Cc]onfig; do
      if [ -f "$file" ]; then sha256sum "$file"; fi
    done
  } | sha256sum | cut -d' ' -f1
}

mkdir -p "$TEMP"
exec 9>"$TEMP/bootstrap.lock"
command -v flock >/dev/null && flock 9   # two ./build.sh at once must not rebuild over each other
HASH="$(inputs_hash)"
if [ ! -f "$BIN/_build.dll" ] || [ "$(cat "$STAMP" 2>/dev/null)" != "$HASH" ]; then
  echo "build.sh: compiling the build project (its inputs changed)" >&2
  "$DOTNET" build "$ROOT/build/_build.csproj" --nologo -v q -clp:NoSummary -o "$BIN" >&2 \
    || fail "the build project did not compile; see the errors above."
  echo "$HASH" > "$STAMP"
fi
exec 9>&-

exec "$DOTNET" "$BIN/_build.dll" "$@"
