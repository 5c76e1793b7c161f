#!/usr/bin/env bash
# Refreshes the client libraries the web app ships (wwwroot/lib/) from their npm packages, at the versions
# package.json pins (package-lock.json records exactly what was installed). Run after changing a version:
#   src/ProjectTracker.Api/ClientLibraries/refresh.sh
# The app never loads anything from the network at run time (政务内网): these copies are all it uses.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
lib="$here/../wwwroot/lib"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/package.json" "$here/echarts-parts.js" "$work/"
[[ -f "$here/package-lock.json" ]] && cp "$here/package-lock.json" "$work/"
(cd "$work" && npm install --no-audit --no-fund --ignore-scripts --loglevel=error)
cp "$work/package-lock.json" "$here/package-lock.json"

version="$(node -p "require('$work/node_modules/echarts/package.json').version")"
rm -rf "$lib/echarts" && mkdir -p "$lib/echarts"
# Only the parts the app uses (echarts-parts.js), in one file the app imports as a module: the full build is twice the size.
(cd "$work" && npx --no-install esbuild echarts-parts.js --bundle --format=esm --minify --legal-comments=none \
  --define:process.env.NODE_ENV='"production"' --outfile="$lib/echarts/echarts.parts.min.js" --log-level=warning)
cp "$work/node_modules/echarts/LICENSE" "$lib/echarts/LICENSE"
printf 'echarts %s from npm, the parts echarts-parts.js names, bundled by esbuild %s (src/ProjectTracker.Api/ClientLibraries/refresh.sh)\n' "$version" "$(node -p "require('$work/node_modules/esbuild/package.json').version")" > "$lib/echarts/VERSION"
echo "wwwroot/lib/echarts: echarts $version"
