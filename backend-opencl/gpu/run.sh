#!/usr/bin/env bash
# The GPU measurements of opencl.grid, for a machine with an OpenCL GPU and no Java: runs the
# jlinked runtime and jars that pack.sh built. From the repository root:
#
#   backend-opencl/gpu/run.sh [PART...]      PART: check f32 f64 race (default: all four)
#
# PACK: the folder pack.sh wrote, or its .tar.gz (default backend-opencl/target/gpu, else
# backend-opencl/target/gpu.tar.gz, unpacked to /tmp); OUT: where results go (default ./gpu-out).
# Each part writes OUT/PART/ and OUT/PART.log and prints how long it took.
#
#   check  the devices (nvidia-smi, clinfo), `descent list`, and Aparapi's cost per launch and
#          per pass on the GPU (LaunchOverhead), ~1 min
#   f32    descent sweep --n 1e4..1e8 --precision f32 over opencl.grid, opencl.resident,
#          simd.parallel and scalar.gram
#   f64    the same in float64
#   race   the article's race (N = 10 000, 10 000 epochs), every solver but TensorFlow, f32 and f64
#
# SWEEP_N (default 1e4..1e8) and RUN_OPTIONS (default "--repeat 5 --warmup 3 --time-budget 5
# --timeout 300") shorten or lengthen the parts.
set -uo pipefail

out=${OUT:-./gpu-out}
pack=${PACK:-}
if [ -z "$pack" ]; then
  if [ -x backend-opencl/target/gpu/runtime/bin/java ]; then
    pack=backend-opencl/target/gpu
  else
    pack=backend-opencl/target/gpu.tar.gz
  fi
fi
if [ -f "$pack" ]; then
  mkdir -p /tmp/descent-gpu
  tar xzf "$pack" -C /tmp/descent-gpu
  pack=/tmp/descent-gpu/$(tar tzf "$pack" | head -1 | cut -d/ -f1)
fi
pack=$(cd "$pack" && pwd)
export JAVA=$pack/runtime/bin/java
descent=$pack/bin/descent
if ! "$JAVA" -version >/dev/null 2>&1; then
  echo "run.sh: no runnable Java at $JAVA (PACK=$pack)" >&2
  exit 2
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)

sizes=${SWEEP_N:-1e4..1e8}
options=${RUN_OPTIONS:---repeat 5 --warmup 3 --time-budget 5 --timeout 300}
solvers=opencl.grid,opencl.resident,simd.parallel,scalar.gram
everyone=opencl.grid,opencl.resident,opencl.steps,simd,simd.parallel,scalar,scalar.numpy
everyone=$everyone,scalar.gram

check() {
  (command -v nvidia-smi >/dev/null && nvidia-smi) || echo "no nvidia-smi"
  (command -v clinfo >/dev/null && clinfo -l) || echo "no clinfo"
  "$descent" list
  local classes="$pack/tools:$pack/plugins/opencl/*:$(ls "$pack"/lib/descent-api-*.jar)"
  # One work-item, then the grid opencl.grid uses at large N on a 132-unit GPU.
  "$JAVA" --enable-native-access=ALL-UNNAMED -cp "$classes" \
    dev.descent.backend.opencl.LaunchOverhead 20000 1 1
  "$JAVA" --enable-native-access=ALL-UNNAMED -cp "$classes" \
    dev.descent.backend.opencl.LaunchOverhead 5000 528 256
}

sweep() {
  # shellcheck disable=SC2086
  "$descent" sweep --n "$sizes" --precision "$1" --solvers "$solvers" $options \
    --output "$out/$1"
}

race() {
  mkdir -p "$out/race"
  # shellcheck disable=SC2086
  "$descent" race --solvers "$everyone" --precision f32,f64 $options --format json \
    --output "$out/race/race.json"
}

status=0
parts=("$@")
[ ${#parts[@]} -eq 0 ] && parts=(check f32 f64 race)
for part in "${parts[@]}"; do
  started=$(date +%s)
  case $part in
    check) check ;;
    f32 | f64) sweep "$part" ;;
    race) race ;;
    *) echo "run.sh: unknown part '$part' (check, f32, f64, race)" >&2; exit 2 ;;
  esac > "$out/$part.log" 2>&1
  code=$?
  [ $code -ne 0 ] && status=$code
  echo "run.sh: $part exited $code after $(( $(date +%s) - started )) s; log: $out/$part.log"
  tail -n 30 "$out/$part.log"
done
exit $status
