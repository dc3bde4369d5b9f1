#!/usr/bin/env bash
# Fails when the committed web app is stale: the TypeScript generated from
# proto/ (src/gen) or the built bundle (dist/, embedded in agorad) differs
# from a fresh generation and build into a temporary directory.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || { echo "web/node_modules missing: run npm ci in web/" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
stale=0

scripts/protogen.sh "$tmp/gen"
if ! diff -r -q src/gen "$tmp/gen"; then
	echo "stale: web/src/gen (TypeScript from proto/): run make web" >&2
	stale=1
fi

npx tsc --noEmit -p .
AGORA_WEB_OUT="$tmp/dist" npx vite build --logLevel warn
if ! diff -r -q dist "$tmp/dist"; then
	echo "stale: web/dist (the bundle agorad embeds): run make web" >&2
	stale=1
fi
[ $stale -eq 0 ] && echo "web app bundle and generated types are up to date"
exit $stale
