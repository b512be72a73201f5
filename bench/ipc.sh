#!/usr/bin/env bash
# bench/ipc.sh — the kernel's one-way IPC (docs/capabilities.md) on x86_64, aarch64 and riscv64, beside seL4.
#   (a) instructions per one-way IPC (call + reply_recv between two processes in different address spaces, hot,
#       4 data words; 100 batches of 100 round trips after 1,000) and per null system call (getpid), with QEMU's
#       -icount shift=0, under which the guest's clock advances 1 ns per executed instruction (deterministic);
#       next to seL4's published one-way cycle counts (../shared/KERNEL-FACTS.md: 386 Skylake, 407 Cortex-A57,
#       760 U54) — an instruction costs at least about a cycle, so below seL4's count is the bar;
#   (b) the same IPC in nanoseconds of emulated time (QEMU without -icount) beside a Linux pipe ping-pong (32 bytes
#       each way, fork) under qemu-user on the same host in the same run, with the ratio (ours / pipe).
# Builds into a temporary folder (a copy of kernel/); the checkout is left as it was.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
veridian="$root/veridian"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cp -r "$root/kernel" "$work/kernel"
rm -rf "$work/kernel/out"

field() { sed -n "s/^$1 mean \([0-9.]*\) min \([0-9.]*\) stddev \([0-9.]*\).*/\\$2/p" "$3" | head -1; }

printf '%-8s %24s %8s %8s %12s %8s | %10s %12s %8s\n' arch "one-way IPC: mean instr" min stddev "null syscall" "seL4 cyc" "IPC ns" "pipe ns" "ratio"
for arch in x86_64 aarch64 riscv64; do
  case $arch in x86_64) sel4=386 ;; aarch64) sel4=407 ;; riscv64) sel4=760 ;; esac
  mkdir -p "$work/m-$arch"
  "$veridian" cc --target "$arch-veridian-user-relibc" -nostdlib -static -ffreestanding -O2 "$root/bench/ipc/ipc-bench.c" -o "$work/m-$arch/init"
  "$veridian" run --target "$arch-veridian-kernel-none" "$work/kernel" --boot-module "$work/m-$arch" --icount 0 --timeout 300 > "$work/icount-$arch.txt" 2>&1 \
    || { cat "$work/icount-$arch.txt" >&2; echo "bench/ipc.sh: the $arch run failed" >&2; exit 1; }
  "$veridian" run --target "$arch-veridian-kernel-none" "$work/kernel" --boot-module "$work/m-$arch" --timeout 300 > "$work/time-$arch.txt" 2>&1 \
    || { cat "$work/time-$arch.txt" >&2; echo "bench/ipc.sh: the $arch run failed" >&2; exit 1; }
  "$veridian" cc --target "$arch-linux-gnu" -O2 -static "$root/bench/ipc/pipe-pingpong.c" -o "$work/pipe-$arch"
  "qemu-$arch" "$work/pipe-$arch" > "$work/pipe-$arch.txt"
  ipc="ipc one-way (call + reply_recv, 4 words)"
  mean=$(field "$ipc" 1 "$work/icount-$arch.txt"); min=$(field "$ipc" 2 "$work/icount-$arch.txt"); sd=$(field "$ipc" 3 "$work/icount-$arch.txt")
  null=$(field "null syscall (getpid)" 1 "$work/icount-$arch.txt")
  ns=$(field "$ipc" 1 "$work/time-$arch.txt")
  pipe=$(sed -n 's/^pipe one-way \([0-9.]*\) ns.*/\1/p' "$work/pipe-$arch.txt")
  [ -n "$mean" ] && [ -n "$ns" ] && [ -n "$pipe" ] || { echo "bench/ipc.sh: no figures from the $arch runs" >&2; cat "$work/icount-$arch.txt" "$work/pipe-$arch.txt" >&2; exit 1; }
  printf '%-8s %24s %8s %8s %12s %8s | %10s %12s %8.2f\n' "$arch" "$mean ($(printf %.2f "$(echo "$mean / $sel4" | bc -l)") of seL4)" "$min" "$sd" "$null" "$sel4" "$ns" "$pipe" "$(echo "$ns / $pipe" | bc -l)"
done
