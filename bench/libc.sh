#!/usr/bin/env bash
# bench/libc.sh — relibc-cs against glibc (static) on x86_64, in the same run, with the ratio (docs/relibc.md).
#   (a) the size of a stripped static printf hello world (target: <= 32 KB; musl's too when musl-gcc exists)
#   (b) bench/libc/libc-bench.c built against both: memcpy memset memcmp strlen strchr at 8 B … 256 KiB,
#       (memcmp on equal buffers), malloc/free churn with 1 and 2 threads, snprintf("%d %s %.6g"), strtod, qsort of
#       1,000,000 ints, libm's exp log sin pow expf — nanoseconds per operation (best of 5), ratio = relibc-cs / glibc
#       (target: <= 1.2).
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
printf '%-34s %12s %12s %8s\n' "static printf hello (stripped)" "relibc-cs" "glibc" "ratio"
printf '%-34s %10d B %10d B %8.3f\n' "x86_64" "$r" "$g" "$(echo "$r / $g" | bc -l)"
if command -v musl-gcc >/dev/null; then
  musl-gcc -O2 -static -s "$work/hello.c" -o "$work/musl"
  printf '%-34s %10d B\n' "x86_64, musl-gcc" "$(size "$work/musl")"
fi

"$veridian" cc --target x86_64-linux-relibc -O2 "$root/bench/libc/libc-bench.c" -o "$work/bench-relibc" -lm
"$veridian" cc --target x86_64-linux-gnu -O2 -static "$root/bench/libc/libc-bench.c" -o "$work/bench-glibc" -lm
"$work/bench-relibc" > "$work/relibc.txt"
"$work/bench-glibc" > "$work/glibc.txt"
echo
printf '%-34s %12s %12s %8s\n' "ns per operation" "relibc-cs" "glibc" "ratio"
join "$work/relibc.txt" "$work/glibc.txt" | while read -r name rv gv; do
  printf '%-34s %12.3f %12.3f %8.2f\n' "$name" "$rv" "$gv" "$(echo "$rv / $gv" | bc -l)"
done
