#!/usr/bin/env bash
# Refresh the vendored front-end libraries from the npm registry (versions in package.json).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp package.json "$work/"
(cd "$work" && npm install --no-audit --no-fund --ignore-scripts >/dev/null)
dest=src/cocade/static/vendor
mkdir -p "$dest/leaflet/images"
cp "$work/node_modules/htmx.org/dist/htmx.min.js" "$dest/htmx.min.js"
cp "$work/node_modules/htmx.org/LICENSE" "$dest/htmx.LICENSE"
cp "$work/node_modules/leaflet/dist/leaflet.js" "$work/node_modules/leaflet/dist/leaflet.js.map" \
   "$work/node_modules/leaflet/dist/leaflet.css" "$dest/leaflet/"
cp "$work/node_modules/leaflet/dist/images/"*.png "$dest/leaflet/images/"
cp "$work/node_modules/leaflet/LICENSE" "$dest/leaflet/LICENSE"
mkdir -p "$dest/jsqr"
cp "$work/node_modules/jsqr/dist/jsQR.js" "$dest/jsqr/jsQR.js"
cp "$work/node_modules/jsqr/LICENSE" "$dest/jsqr/LICENSE"
cp "$work/node_modules/axe-core/axe.min.js" tests/browser/vendor/axe.min.js
cp "$work/node_modules/axe-core/LICENSE" tests/browser/vendor/axe.LICENSE
echo "vendored: htmx $(node -p "require('$work/node_modules/htmx.org/package.json').version")," \
     "leaflet $(node -p "require('$work/node_modules/leaflet/package.json').version")," \
     "jsqr $(node -p "require('$work/node_modules/jsqr/package.json').version")," \
     "axe-core $(node -p "require('$work/node_modules/axe-core/package.json').version")"
