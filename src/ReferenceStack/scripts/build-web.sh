#!/bin/sh
# Host-side prebuild of the proxy image (run by Slipway in the proxy's build context, see
# x-slipway-prebuild in compose.yaml): builds the web app with npm into ./site, which the
# proxy's Dockerfile copies. The output is static files, the same for every architecture.
set -eu
site="$PWD/site"
cd "$(dirname "$0")/../web"

# Installs only when the lock file changed since the last install; npm ci installs what the lock pins
# and never rewrites it.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund
fi
# Builds only when the app's sources changed since the site was last built.
hash=$(find . -name node_modules -prune -o -type f -print | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -d' ' -f1)
stamp=node_modules/.slipway-site.inputs
if [ -f "$site/index.html" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$hash" ]; then
    echo "web site is up to date"
    exit 0
fi
npx --no-install vite build --outDir "$site" --emptyOutDir --logLevel warn
echo "$hash" > "$stamp"
