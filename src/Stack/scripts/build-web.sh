#!/bin/sh
# Host-side prebuild of the proxy image (run by Slipway in the proxy's build context, see
# x-slipway-prebuild in compose.yaml): builds the web app with npm into ./site, which the
# proxy's Dockerfile copies. The output is static files, the same for every architecture.
set -eu
site="$PWD/site"
cd "$(dirname "$0")/../web"

# npm ci only when the lock file changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund
fi
npx --no-install vite build --outDir "$site" --emptyOutDir --logLevel warn
