#!/usr/bin/env bash
# bench/build.sh — `veridian build` vs `make -j2 CC=clang-19` on a generated 200-file C project.
# Prints the cold-build ratio (target <= 1.0x make) and the no-op rebuild wall time and ratio
# (target < 150 ms). Usage: bench/build.sh [files=200] [runs=3]
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
files="${1:-200}"
runs="${2:-3}"
target=x86_64-veridian-kernel-none

VERIDIAN_NO_BOOTSTRAP=1 "$root/veridian" --version >/dev/null   # builds the CLI if its sources changed
cli="$root/artifacts/cli/veridian"
work="$(mktemp -d /tmp/veridian-bench-build.XXXXXX)"
[ -n "${BENCH_KEEP:-}" ] && echo "keeping $work" || trap 'rm -rf "$work"' EXIT
proj="$work/proj"
mkdir -p "$proj/src" "$proj/include"

# --- the generated project: 200 sources, 10 group headers + one common header --------------------
cat > "$proj/include/common.h" <<'H'
#pragma once
typedef unsigned long u64;
static inline u64 mix(u64 a, u64 b) { return (a ^ (b << 7)) * 0x9E3779B97F4A7C15ull + (b >> 3); }
H
for g in $(seq 0 9); do
  printf '#pragma once\n#include "common.h"\nu64 group%d_table(u64 i);\n' "$g" > "$proj/include/group$g.h"
done
for i in $(seq 0 $((files - 1))); do
  g=$((i % 10))
  {
    printf '#include "group%d.h"\n' "$g"
    printf 'struct s%d { u64 a[8]; int n; };\n' "$i"
    for f in 0 1 2 3 4 5; do
      printf 'u64 f%d_%d(struct s%d *s, u64 x) {\n  u64 acc = x;\n  for (int k = 0; k < s->n && k < 8; k++) {\n    acc = mix(acc, s->a[k] + %d);\n    if (acc & 1) acc += group%d_table(acc); else acc ^= (acc >> %d);\n  }\n  switch (acc %% 5) { case 0: return acc + %d; case 1: return acc * 3; case 2: return acc - x; default: return acc ^ %d; }\n}\n' \
        "$i" "$f" "$i" "$f" "$g" $((f + 1)) "$i" "$f"
    done
  } > "$proj/src/f$i.c"
done
for g in $(seq 0 9); do
  printf '#include "group%d.h"\nu64 group%d_table(u64 i) { static const u64 t[4] = {1, 2, 3, %d}; return t[i & 3]; }\n' "$g" "$g" "$g" > "$proj/src/group$g.c"
done
cat > "$proj/src/main.c" <<'C'
#include "common.h"
volatile u64 sink;
__attribute__((section(".text.boot"))) void _start(void) { sink = mix(1, 2); for (;;) { } }
C
cat > "$proj/veridian.toml" <<T
[project]
name = "bench"
version = "0.1.0"
kind = "kernel"
sources = ["src/*.c"]
include-dirs = ["include"]
targets = ["$target"]
T

# --- the equivalent Makefile: same target flags, -O2, header deps, same linker script -------------
# The target flags, exactly as the build passes them to clang (from its compile_commands.json), minus
# the split-pipeline flags (-Xclang -disable-llvm-passes -emit-llvm) that make does not want.
(cd "$proj" && VERIDIAN_CACHE_DIR="$work/cache0" "$cli" build --profile release >/dev/null)
cflags="$(python3 - "$proj/out/$target/release/compile_commands.json" <<'PY'
import json, sys
args = json.load(open(sys.argv[1]))[0]["arguments"]
keep, skip = [], False
for a in args[1:]:
    if skip:
        skip = False
        continue
    if a in ("-o", "-x", "-Xclang"):
        skip = True
        continue
    if a in ("-c", "-emit-llvm", "-disable-llvm-passes") or a.startswith(("-O", "-I", "-ffile-prefix-map", "src/")):
        continue
    keep.append(a)
print(" ".join(keep))
PY
)"
cp "$proj/out/$target/release/kernel.ld" "$work/kernel.ld"
rm -rf "$proj/out" "$work/cache0"
cat > "$proj/Makefile" <<M
CC = clang-19
CFLAGS = $cflags -O2 -Iinclude -MMD -MP
SRCS = \$(sort \$(wildcard src/*.c))
OBJS = \$(SRCS:src/%.c=mk/obj/%.o)
mk/bench: \$(OBJS) $work/kernel.ld
	ld.lld-19 --build-id=sha1 -z max-page-size=4096 -static -T $work/kernel.ld -e _start \$(OBJS) -o \$@
mk/obj/%.o: src/%.c
	@mkdir -p \$(@D)
	\$(CC) \$(CFLAGS) -c \$< -o \$@
-include \$(OBJS:.o=.d)
M

# Wall time in ms, and CPU time (user + sys of the command and its children, from /usr/bin/time) in ms.
measure() { # measure <label> <command...>: sets W (wall ms) and C (cpu ms)
  /usr/bin/time -o "$work/time" -f "%e %U %S" "${@:2}" >"$work/$1.log" 2>&1
  read -r e u s < <(tail -1 "$work/time")
  W=$(awk -v w="$e" 'BEGIN{printf "%d", w*1000}'); C=$(awk -v u="$u" -v s="$s" 'BEGIN{printf "%d", (u+s)*1000}')
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/(b>0?b:1)}'; }

echo "bench: $files generated C files for $target (-O2), -j2, $runs runs each, median; $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
vc=(); mc=(); vn=(); mn=(); vcc=(); mcc=(); vnc=(); mnc=()
for r in $(seq 1 "$runs"); do
  rm -rf "$proj/out" "$proj/mk" "$work/cache"
  measure cold env -C "$proj" VERIDIAN_CACHE_DIR="$work/cache" "$cli" build --profile release -j 2; vc+=("$W"); vcc+=("$C")
  measure noop env -C "$proj" VERIDIAN_CACHE_DIR="$work/cache" "$cli" build --profile release -j 2; vn+=("$W"); vnc+=("$C")
  grep -q '^nothing to do' "$work/noop.log" || { echo "run $r: the second build did work:"; tail -3 "$work/noop.log"; }
  measure make make -s -C "$proj" -j2; mc+=("$W"); mcc+=("$C")
  measure make make -s -C "$proj" -j2; mn+=("$W"); mnc+=("$C")
done
VC=$(median "${vc[@]}"); MC=$(median "${mc[@]}"); VN=$(median "${vn[@]}"); MN=$(median "${mn[@]}")
VCC=$(median "${vcc[@]}"); MCC=$(median "${mcc[@]}"); VNC=$(median "${vnc[@]}"); MNC=$(median "${mnc[@]}")
echo "cold:  veridian build ${VC} ms wall / ${VCC} ms cpu   make -j2 ${MC} ms wall / ${MCC} ms cpu   ratio $(ratio "$VC" "$MC")x make wall, $(ratio "$VCC" "$MCC")x cpu (target <= 1.00x)"
echo "       runs (wall ms): veridian ${vc[*]} / make ${mc[*]}"
echo "no-op: veridian build ${VN} ms wall / ${VNC} ms cpu   make -j2 ${MN} ms wall / ${MNC} ms cpu   ratio $(ratio "$VN" "$MN")x make wall   target < 150 ms wall: $([ "$VN" -lt 150 ] && echo met || echo NOT met)"
echo "       runs (wall ms): veridian ${vn[*]} / make ${mn[*]}"
