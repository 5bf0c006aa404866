#!/usr/bin/env bash
# The install_consumer test (tests/install/CMakeLists.txt): installs the build
# tree into a fresh prefix, checks what landed there, then builds and runs the
# consumer project against it: C++ through find_package(layak) and through
# `pkg-config --static layak`, C through pkg-config layak_c and through
# layak::layak_c. Any failure stops the run with the log that explains it.
set -euo pipefail
CMAKE=$1 BUILD=$2 SRC=$3 WORK=$4 LIBDIR=$5 GENERATOR=$6 CC=$7 CXX=$8
COMPILE_FLAGS=${9:-} LINK_FLAGS=${10:-}
PACK=$SRC/rules/tuban

fail() { echo "FAIL: $*" >&2; exit 1; }
# Runs a command quietly; on failure prints its output and stops.
run() {
  local log=$WORK/step.log
  "$@" > "$log" 2>&1 || { cat "$log" >&2; fail "$*"; }
}

rm -rf "$WORK"
mkdir -p "$WORK"
PREFIX=$WORK/prefix
run "$CMAKE" --install "$BUILD" --prefix "$PREFIX"

# What a user of the package relies on.
for f in include/layak/layak.h include/layak/caseload.h include/layak/evaluate.h include/layak/export.h \
         include/layak_c.h "$LIBDIR/liblayak.a" "$LIBDIR/liblayak_c.so" bin/layak \
         "$LIBDIR/cmake/layak/layakConfig.cmake" "$LIBDIR/cmake/layak/layakConfigVersion.cmake" \
         "$LIBDIR/cmake/layak/layakTargets.cmake" "$LIBDIR/pkgconfig/layak.pc" "$LIBDIR/pkgconfig/layak_c.pc"; do
  [ -e "$PREFIX/$f" ] || fail "not installed: $f"
done
# Only the public headers: nothing from engine/src.
extra=$(find "$PREFIX/include" -type f ! -path "$PREFIX/include/layak/*" ! -name layak_c.h)
[ -z "$extra" ] || fail "unexpected files under include/: $extra"
# The C library's ABI is the layak_* functions and nothing else.
leaked=$(nm -D --defined-only "$PREFIX/$LIBDIR/liblayak_c.so" | awk '$2 != "A" && $3 !~ /^layak_/ {print $3}')
[ -z "$leaked" ] || fail "liblayak_c.so exports non-API symbols: $(echo "$leaked" | head -5)"
nm -D --defined-only "$PREFIX/$LIBDIR/liblayak_c.so" | grep -q ' T layak_evaluate@@LAYAK_C_0$' ||
  fail "layak_evaluate is not exported with version LAYAK_C_0"

# The installed CLI works on the bundled pack.
run "$PREFIX/bin/layak" check "$PACK"

export PKG_CONFIG_PATH=$PREFIX/$LIBDIR/pkgconfig
run "$CMAKE" -S "$SRC/tests/install/consumer" -B "$WORK/build" -G "$GENERATOR" \
  -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$PREFIX" \
  -DCMAKE_C_COMPILER="$CC" -DCMAKE_CXX_COMPILER="$CXX" \
  -DCMAKE_C_FLAGS="$COMPILE_FLAGS" -DCMAKE_CXX_FLAGS="$COMPILE_FLAGS" -DCMAKE_EXE_LINKER_FLAGS="$LINK_FLAGS"
# It must have found this prefix, not some other installed layak.
grep -q "layak found in $PREFIX/" "$WORK/step.log" || { cat "$WORK/step.log" >&2; fail "layak not found in $PREFIX"; }
run "$CMAKE" --build "$WORK/build"

check_output() {  # program expected-stdout
  local out
  out=$("$1" "$PACK" 2> "$WORK/stderr.log") || { cat "$WORK/stderr.log" >&2; fail "$1 exited with $?"; }
  [ "$out" = "$2" ] || fail "$1 printed '$out', expected '$2'"
}
check_output "$WORK/build/consumer" "PKH eligible 2400000"
check_output "$WORK/build/c_consumer" "PKH unknown desil"
check_output "$WORK/build/c_consumer_cmake" "PKH unknown desil"

# The static C++ library through pkg-config alone, as a Makefile would link it.
# shellcheck disable=SC2046,SC2086
run "$CXX" -std=c++20 $COMPILE_FLAGS "$SRC/tests/install/consumer/consumer.cc" -o "$WORK/consumer_pc" \
  -DLAYAK_PACKAGE_VERSION=\"$(pkg-config --modversion layak)\" \
  $(pkg-config --cflags layak) $LINK_FLAGS $(pkg-config --static --libs layak)
check_output "$WORK/consumer_pc" "PKH eligible 2400000"

echo "install_consumer: OK ($PREFIX)"
