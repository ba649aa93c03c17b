#!/bin/sh
# Host-side prebuild of a .NET service (run by Slipway in the service's build context, see
# x-slipway-prebuild in compose.yaml): publishes the project in the current directory,
# self-contained, into publish/<arch> for each architecture in SLIPWAY_TARGETARCHS
# (comma-separated; default: the host's). The Dockerfile copies publish/${TARGETARCH}, so no
# dotnet ever runs under emulation. Incremental: nothing changed means little work.
set -eu

host_arch() {
    case "$(uname -m)" in
        x86_64) echo amd64 ;;
        aarch64 | arm64) echo arm64 ;;
        *) echo "unsupported host architecture: $(uname -m)" >&2; exit 1 ;;
    esac
}

archs=${SLIPWAY_TARGETARCHS:-$(host_arch)}
for arch in $(echo "$archs" | tr ',' ' '); do
    case "$arch" in
        amd64) rid=linux-x64 ;;
        arm64) rid=linux-arm64 ;;
        *) echo "unsupported target architecture: $arch" >&2; exit 1 ;;
    esac
    echo "publishing $(basename "$PWD") for $arch ($rid)"
    dotnet publish -c Release -r "$rid" --self-contained -o "publish/$arch" --nologo -v quiet
done
