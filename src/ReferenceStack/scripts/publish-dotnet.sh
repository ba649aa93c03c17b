#!/bin/sh
# Host-side prebuild of a .NET service (run by Slipway in the service's build context, see
# x-slipway-prebuild in compose.yaml): publishes the project in the current directory,
# self-contained, into publish/<arch> for each architecture in SLIPWAY_TARGETARCHS
# (comma-separated; default: the host's). The Dockerfile copies publish/${TARGETARCH}, so no
# dotnet ever runs under emulation. Nothing changed (sources, shared code, props, commit) means
# nothing to do: a stamp under obj/ remembers what each architecture was last published from.
set -eu

inputs_hash() {
    {
        git rev-parse HEAD 2>/dev/null || true   # the commit is part of the published version
        find . ../shared \( -name bin -o -name obj -o -name publish \) -prune -o -type f -print | LC_ALL=C sort | xargs sha256sum
        sha256sum ../Directory.*.props
    } | sha256sum | cut -d' ' -f1
}

host_arch() {
    case "$(uname -m)" in
        x86_64) echo amd64 ;;
        aarch64 | arm64) echo arm64 ;;
        *) echo "unsupported host architecture: $(uname -m)" >&2; exit 1 ;;
    esac
}

archs=${SLIPWAY_TARGETARCHS:-$(host_arch)}
hash=$(inputs_hash)
for arch in $(echo "$archs" | tr ',' ' '); do
    case "$arch" in
        amd64) rid=linux-x64 ;;
        arm64) rid=linux-arm64 ;;
        *) echo "unsupported target architecture: $arch" >&2; exit 1 ;;
    esac
    stamp="obj/publish-$arch.inputs"
    if [ -d "publish/$arch" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$hash" ]; then
        echo "$(basename "$PWD") for $arch is up to date"
        continue
    fi
    echo "publishing $(basename "$PWD") for $arch ($rid)"
    dotnet publish -c Release -r "$rid" --self-contained -o "publish/$arch" --nologo -v quiet
    echo "$hash" > "$stamp"
done
