#!/usr/bin/env bash
# bench/libc.sh — relibc-cs against glibc (static) on x86_64, in the same run, with the ratio (docs/relibc.md).
# Measured so far: the size of a static printf hello world (target: <= 32 KB; musl's too when musl-gcc exists).
# Not yet here (they need the floating printf conversions, strtod, qsort and threads): the memcpy/memset/memcmp/
# strlen/strchr throughput, malloc churn, snprintf("%d %s %.6g"), strtod and qsort figures the issue asks for.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
veridian="$root/veridian"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cat > "$work/hello.c" <<'C'
#include <stdio.h>
int main(void) { printf("hello, %s: %d\n", "world", 42); return 0; }
C
size() { stat -c %s "$1"; }
"$veridian" cc --target x86_64-linux-relibc -O2 -s "$work/hello.c" -o "$work/relibc"
"$veridian" cc --target x86_64-linux-gnu -O2 -static -s "$work/hello.c" -o "$work/glibc"
[ "$("$work/relibc")" = "$("$work/glibc")" ] || { echo "bench/libc.sh: the two programs print different things" >&2; exit 1; }
r=$(size "$work/relibc"); g=$(size "$work/glibc")
printf '%-34s %10s %10s %8s\n' "static printf hello (stripped)" "relibc-cs" "glibc" "ratio"
printf '%-34s %9d B %9d B %8.3f\n' "x86_64" "$r" "$g" "$(echo "$r / $g" | bc -l)"
if command -v musl-gcc >/dev/null; then
  musl-gcc -O2 -static -s "$work/hello.c" -o "$work/musl"
  printf '%-34s %9d B %9s   (musl)\n' "x86_64, musl-gcc" "$(size "$work/musl")" ""
fi
