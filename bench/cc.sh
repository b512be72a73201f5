#!/usr/bin/env bash
# bench/cc.sh — veridian cc against clang-19 on the same inputs, per architecture, with the ratio.
#   (a) -O2 -c of a large generated C file (target: ratio <= 1.03)
#   (b) -O2 -c of an empty file: start-up overhead (target: ratio <= 1.5)
# Usage: bench/cc.sh [runs]   (median of N runs after one warm-up; default 5)
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
runs="${1:-5}"
exe="$root/artifacts/cli/veridian"
[ -x "$exe" ] || VERIDIAN_NO_BOOTSTRAP=1 "$root/veridian" --version >/dev/null
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

# A large generated translation unit: many functions with loops, switches, structs and arithmetic (~5,000 lines).
python3 - "$work/large.c" <<'PY'
import sys
out = ["#include <stdint.h>", "#include <stddef.h>", "struct v { int64_t a, b, c; double d; };"]
for i in range(400):
    out.append(f"""
int64_t f{i}(const int64_t *p, size_t n, int k) {{
    int64_t s = {i};
    for (size_t j = 0; j < n; j++) {{
        switch ((p[j] + k) & 7) {{
        case 0: s += p[j] * {i + 3}; break;
        case 1: s ^= p[j] << {(i % 13) + 1}; break;
        case 2: s -= p[j] / {(i % 7) + 2}; break;
        case 3: s = s * 31 + p[j]; break;
        default: s += j;
        }}
    }}
    return s;
}}
struct v g{i}(struct v x, double y) {{ x.a += x.b * {i}; x.d = x.d * y + {i}.5; x.c ^= x.a; return x; }}""")
open(sys.argv[1], "w").write("\n".join(out) + "\n")
PY
: > "$work/empty.c"

# Median wall time in ms of a command, run $runs times after one warm-up.
median_ms() {
  "$@" >/dev/null 2>&1
  local times=()
  for _ in $(seq "$runs"); do
    local s e
    s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N)
    times+=($(( (e - s) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

printf '%-8s %-6s %10s %10s %7s %s\n' arch input "clang ms" "ours ms" ratio target
for arch in x86_64 aarch64 riscv64; do
  target="$arch-linux-gnu"
  mapfile -t flags < <("$exe" targets show "$target" --json 2>/dev/null | python3 -c 'import json,sys; [print(a) for a in json.load(sys.stdin)["target"]["clangArgs"]]' 2>/dev/null || true)
  if [ "${#flags[@]}" -eq 0 ]; then
    echo "cannot read the target's clang flags from 'veridian targets show'" >&2; exit 1
  fi
  for input in large empty; do
    c=$(median_ms clang-19 "${flags[@]}" -O2 -c "$work/$input.c" -o "$work/c.o")
    o=$(median_ms "$exe" cc --target="$target" -O2 -c "$work/$input.c" -o "$work/o.o")
    goal=$([ "$input" = large ] && echo 1.03 || echo 1.5)
    printf '%-8s %-6s %10d %10d %7.3f <= %s\n' "$arch" "$input" "$c" "$o" "$(echo "$o / $c" | bc -l)" "$goal"
  done
done
