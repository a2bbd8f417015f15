#!/usr/bin/env bash
# Builds the folder the GPU machine needs (it has no Java and no Maven, and a run receives at most
# 64 MiB): a jlinked Java runtime plus the distribution's jars without TensorFlow, and the
# LaunchOverhead harness. Run from the repository root, after building the distribution:
#
#   mvn -o -q -pl dist -am package -DskipTests
#   mvn -o -q -pl backend-opencl test-compile
#   backend-opencl/gpu/pack.sh [OUTPUT]          # default backend-opencl/target/gpu
#
# Then, on the GPU machine: backend-opencl/gpu/run.sh (see it), carrying OUTPUT there.
set -euo pipefail

out=${1:-backend-opencl/target/gpu}
limit=$((64 * 1024 * 1024))
dist=$(ls -d dist/target/descent-*/ 2>/dev/null | grep -v archive | head -1 || true)
if [ -z "$dist" ] || [ ! -f "$dist/bin/descent" ]; then
  echo "pack.sh: no distribution under dist/target; build it with" \
    "'mvn -o -q -pl dist -am package -DskipTests'" >&2
  exit 2
fi
tools=backend-opencl/target/test-classes/dev/descent/backend/opencl
if [ ! -f "$tools/LaunchOverhead.class" ]; then
  echo "pack.sh: no LaunchOverhead.class; run 'mvn -o -q -pl backend-opencl test-compile'" >&2
  exit 2
fi
if [ -n "${JAVA_HOME:-}" ]; then
  jdk=$JAVA_HOME
else
  jdk=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
fi

# The modules the jars need, as jdeps finds them (on this branch: java.base, java.compiler,
# java.desktop, java.management, java.sql, jdk.incubator.vector, jdk.unsupported — java.desktop
# for Aparapi, bcel and the charts, java.sql for jfreechart, the Vector API for simd), plus
# java.logging, which Aparapi uses and jdeps leaves implied by java.sql.
jars=("$dist"/lib/*.jar "$dist"/plugins/scalar/*.jar "$dist"/plugins/simd/*.jar \
  "$dist"/plugins/opencl/*.jar)
modules=$("$jdk/bin/jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps \
  "${jars[@]}" 2>/dev/null | tail -1)
case $modules in
  java.base*) ;;
  *) echo "pack.sh: jdeps gave no module list ('$modules')" >&2; exit 1 ;;
esac
modules=$(echo "$modules,java.logging,jdk.incubator.vector" | tr , "\n" | sort -u | paste -sd, -)
echo "pack.sh: jlink --add-modules $modules"

rm -rf "$out"
mkdir -p "$out"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --compress=2 --output "$out/runtime"

# Debian's JDK links its font, colour and image libraries to the system's, and a bare GPU host
# may lack them, or any font: then the sweep's charts fail and take its results with them.
# libfontmanager.so and its siblings look in $ORIGIN (their RPATH) first, so copies go there;
# and the JDK falls back to lib/fonts when fontconfig finds no font.
for library in $(ldd "$out"/runtime/lib/{libfontmanager,liblcms,libjavajpeg,libzip}.so \
    | awk '/=> \// { print $3 }' | sort -u); do
  case $(basename "$library") in
    libc.so.* | libm.so.* | libstdc++.so.* | libgcc_s.so.* | ld-linux*) ;;
    *) [ -e "$out/runtime/lib/$(basename "$library")" ] || cp -L "$library" "$out/runtime/lib/" ;;
  esac
done
mkdir -p "$out/runtime/lib/fonts"
cp /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf \
  /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf "$out/runtime/lib/fonts/"

mkdir -p "$out/bin" "$out/lib" "$out/plugins" "$out/tools/dev/descent/backend/opencl"
cp "$dist/bin/descent" "$out/bin/"
cp "$dist"/lib/*.jar "$out/lib/"
for plugin in scalar simd opencl; do
  cp -r "$dist/plugins/$plugin" "$out/plugins/"
done
# aparapi-jni carries natives for every platform (19 MB, most of it Windows DLLs); Aparapi's
# NativeLoader only asks for linux/libaparapi_x86_64.so here.
jni=$(ls "$out"/plugins/opencl/aparapi-jni-*.jar)
zip -q -d "$jni" 'win/*' 'osx/*' 'linux/libaparapi_x86.so' 'linux/libaparapi_aarch64.so' \
  'linux/libaparapi_armhf.so'
cp "$tools"/LaunchOverhead*.class "$out/tools/dev/descent/backend/opencl/"

# The folder itself is ~66 MiB, over the limit; the tarball (~42 MiB) is what a GPU run carries.
tar czf "$out.tar.gz" -C "$(dirname "$out")" "$(basename "$out")"
for thing in "$out" "$out.tar.gz"; do
  size=$(du -sb "$thing" | cut -f1)
  echo "pack.sh: $thing is $((size / 1024 / 1024)) MiB ($size bytes; the limit is $limit)"
done
if [ "$size" -ge "$limit" ]; then
  echo "pack.sh: $out.tar.gz is too big for one GPU run (64 MiB)" >&2
  exit 1
fi
