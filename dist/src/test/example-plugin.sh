#!/usr/bin/env bash
# Proves the third-party plug-in path end to end: builds examples/solver-plugin on its own
# against the installed descent-api and descent-testkit (which runs the test kit on it), copies
# its jar into plugins/ of a copy of the distribution, races it, and fails unless it is OK.
# Arguments: MAVEN_COMMAND ROOT DISTRIBUTION LOCAL_REPOSITORY
set -euo pipefail
mvn_cmd="$1"; root="$2"; dist="$3"; repo="$4"
example="$root/examples/solver-plugin"

echo "[example-plugin] building $example against the installed descent artifacts"
"$mvn_cmd" -B -q -f "$example/pom.xml" -Dmaven.repo.local="$repo" clean verify

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$dist/bin" "$dist/lib" "$work/"
mkdir -p "$work/plugins/example-kahan"
for plugin in "$dist"/plugins/*; do
  ln -s "$plugin" "$work/plugins/$(basename "$plugin")"
done
cp "$example"/target/descent-kahan-solver-*.jar "$work/plugins/example-kahan/"

echo "[example-plugin] racing it from plugins/"
"$work/bin/descent" race --solvers scalar,example.kahan --n 2000 --epochs 300 --repeat 3 \
  --warmup 1 --format json --output "$work/race.json"

ok=$(grep -A4 '"solver": "example.kahan"' "$work/race.json" | grep -c '"origin": "plugins/example-kahan"' || true)
statuses=$(grep -A6 '"solver": "example.kahan"' "$work/race.json" | grep -c '"status": "OK"' || true)
if [ "$ok" != 2 ] || [ "$statuses" != 2 ]; then
  echo "[example-plugin] FAILED: example.kahan was not raced OK from plugins/ in both precisions" >&2
  cat "$work/race.json" >&2
  exit 1
fi
echo "[example-plugin] OK: example.kahan raced from plugins/example-kahan in f64 and f32"
