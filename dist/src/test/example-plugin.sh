#!/usr/bin/env bash
# Proves the third-party plug-in path end to end: builds examples/solver-plugin on its own
# against the installed descent-api and descent-testkit (which runs the test kit on it), puts its
# jar in a plug-ins folder of its own, races it with --plugins next to the distribution's own
# solvers, and fails unless it is OK and the built-in scalar came from the distribution's plugins/.
# Arguments: MAVEN_COMMAND ROOT DISTRIBUTION LOCAL_REPOSITORY
set -euo pipefail
mvn_cmd="$1"; root="$2"; dist="$3"; repo="$4"
example="$root/examples/solver-plugin"

echo "[example-plugin] building $example against the installed descent artifacts"
"$mvn_cmd" -B -q -f "$example/pom.xml" -Dmaven.repo.local="$repo" clean verify

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/plugins/example-kahan"
cp "$example"/target/descent-kahan-solver-*.jar "$work/plugins/example-kahan/"

echo "[example-plugin] racing it from --plugins $work/plugins, next to the built-in solvers"
"$dist/bin/descent" race --plugins "$work/plugins" --solvers scalar,example.kahan --n 2000 \
  --epochs 300 --repeat 3 --warmup 1 --export-json "$work/race.json"

ok=$(grep -A4 '"solver": "example.kahan"' "$work/race.json" | grep -c '"origin": "plugins/example-kahan"' || true)
statuses=$(grep -A6 '"solver": "example.kahan"' "$work/race.json" | grep -c '"status": "OK"' || true)
builtin=$(grep -A4 '"solver": "scalar"' "$work/race.json" | grep -c '"origin": "plugins/scalar"' || true)
if [ "$ok" != 2 ] || [ "$statuses" != 2 ] || [ "$builtin" != 2 ]; then
  echo "[example-plugin] FAILED: example.kahan was not raced OK from --plugins in both precisions" \
    "next to the built-in scalar" >&2
  cat "$work/race.json" >&2
  exit 1
fi
echo "[example-plugin] OK: example.kahan raced from --plugins in f64 and f32, next to the built-in scalar"
