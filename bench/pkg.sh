#!/usr/bin/env bash
# bench/pkg.sh — throughput of `veridian pkg build|verify|install` next to its anchors, in one run:
#   build   vs  tar -I 'zstd -3 -T1' -cf   (same tree, same zstd level, one thread)
#   verify  vs  sha256sum of every file    (our verify also hashes the payload and decompresses it)
#   install vs  tar -I 'zstd -d' -xf       (into an empty directory)
# Tree: ~2,000 files, ~200 MB (half random, half text). Usage: bench/pkg.sh [files] [total-MB]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
files="${1:-2000}"; total_mb="${2:-200}"
cli="$root/artifacts/cli/veridian"
VERIDIAN_NO_BOOTSTRAP=1 "$root/veridian" --version >/dev/null   # (re)builds the CLI when its sources changed
work="$(mktemp -d /tmp/vpkg-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
cd "$work"

python3 - "$files" "$total_mb" <<'PY'
import os, random, sys
n, mb = int(sys.argv[1]), int(sys.argv[2])
rng = random.Random(42)
per = mb * 1024 * 1024 // n
words = [b"veridian", b"kernel", b"capability", b"package", b"signed", b"reproducible", b"sysroot", b"zstd"]
for i in range(n):
    d = f"tree/usr/share/bench/d{i // 100:02d}"
    os.makedirs(d, exist_ok=True)
    if i % 2 == 0:
        data = rng.randbytes(per)
    else:
        line = b" ".join(rng.choice(words) for _ in range(12)) + b"\n"
        data = (line * (per // len(line) + 1))[:per]
        data = bytes(b ^ (rng.randrange(2) if j % 4096 == 0 else 0) for j, b in enumerate(data[:8192])) + data[8192:]
    with open(f"{d}/f{i:04d}", "wb") as f:
        f.write(data)
PY
bytes=$(du -sb tree | cut -f1)
cat > m.json <<'JSON'
{ "name": "bench", "version": "1.0.0", "target": "x86_64-veridian-user-relibc", "kind": "data", "channel": "core" }
JSON
"$cli" pkg key new bench --dir keys >/dev/null
for s in sr sr-warm; do
  "$cli" pkg init --sysroot $s --target x86_64-veridian-user-relibc >/dev/null
  "$cli" pkg key trust keys/bench.pub --sysroot $s --channel core >/dev/null
done
sync

now() { date +%s.%N; }
t() { local s e; s=$(now); "$@" >/dev/null; e=$(now); echo "$e - $s" | bc -l; }
rate() { echo "scale=1; $bytes / 1048576 / $1" | bc -l; }
frate() { echo "scale=0; $files / $1" | bc -l; }
ratio() { echo "scale=2; $1 / $2" | bc -l; }

# Warm-up: the first run of the CLI and the page cache.
"$cli" pkg build tree -m m.json -o warm.vpkg --key keys/bench.secret --level 3 >/dev/null
"$cli" pkg install warm.vpkg --sysroot sr-warm >/dev/null

build=$(t "$cli" pkg build tree -m m.json -o bench.vpkg --key keys/bench.secret --level 3)
tarc=$(t tar -I 'zstd -3 -T1' -cf bench.tar.zst -C tree .)
verify=$(t "$cli" pkg verify bench.vpkg --key keys/bench.pub)
sha=$(t bash -c 'cd tree && find . -type f -print0 | xargs -0 sha256sum')
install=$(t "$cli" pkg install bench.vpkg --sysroot sr)
mkdir x
tarx=$(t tar -I 'zstd -d' -xf bench.tar.zst -C x)

printf 'tree: %d files, %d bytes; package %d bytes, tar.zst %d bytes\n' "$files" "$bytes" "$(stat -c %s bench.vpkg)" "$(stat -c %s bench.tar.zst)"
printf '%-28s %8s %9s %9s   %-26s %8s %9s   %s\n' step seconds MB/s files/s anchor seconds MB/s "ours/anchor time"
row() { printf '%-28s %8.2f %9s %9s   %-26s %8.2f %9s   %s\n' "$1" "$2" "$(rate "$2")" "$(frate "$2")" "$3" "$4" "$(rate "$4")" "$(ratio "$2" "$4")"; }
row "veridian pkg build (-3)" "$build" "tar zstd -3 -T1 -c" "$tarc"
row "veridian pkg verify" "$verify" "sha256sum (all files)" "$sha"
row "veridian pkg install" "$install" "tar zstd -d -x" "$tarx"
