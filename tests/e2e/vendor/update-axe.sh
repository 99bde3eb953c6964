#!/usr/bin/env bash
# Vendor axe-core's axe.min.js and its licence from the npm registry's tarball, checked
# against the registry's sha512 integrity. Usage: tests/e2e/vendor/update-axe.sh [version]
# (default: the registry's "latest", which must be a 4.x: the tests use the 4.x API).
# Then write the version and integrity into README.md here.
set -euo pipefail
cd "$(dirname "$0")"
wanted="${1:-latest}"
meta=$(curl -fsSL "https://registry.npmjs.org/axe-core/${wanted}")
version=$(printf '%s' "$meta" | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')
integrity=$(printf '%s' "$meta" | python3 -c 'import json,sys; print(json.load(sys.stdin)["dist"]["integrity"])')
case "$version" in
  4.*) ;;
  *) echo "axe-core $version is not a 4.x: pass a 4.x version explicitly" >&2; exit 1 ;;
esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
curl -fsSL -o "$tmp/axe.tgz" "https://registry.npmjs.org/axe-core/-/axe-core-${version}.tgz"
actual="sha512-$(openssl dgst -sha512 -binary "$tmp/axe.tgz" | base64 -w0)"
if [ "$actual" != "$integrity" ]; then
  echo "integrity mismatch: registry says $integrity, tarball is $actual" >&2
  exit 1
fi
tar -xzf "$tmp/axe.tgz" -C "$tmp" package/axe.min.js package/LICENSE
cp "$tmp/package/axe.min.js" axe.min.js
cp "$tmp/package/LICENSE" LICENSE-axe-core
echo "axe-core $version"
echo "integrity $integrity"
