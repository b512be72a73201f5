#!/usr/bin/env bash
# bench/pkg-repo.sh — package repositories (docs/pkg-repository.md), each figure beside an anchor of the same run:
#   update   `pkg update` of a repository of 10,000 packages (root, timestamp, snapshot, ~5 MB targets: fetched,
#            hashed, signature-checked, stored atomically) vs  curl of the same four files from the same nginx
#   resolve  `pkg install --dry-run --offline app` over those 10,000 packages: 50 chains 100 deep, each package in
#            versions 1.0.0 and 2.0.0, every 2.0.0 chain broken at its bottom and 2.0.0s conflicting across chains,
#            so the resolver must backjump (PubGrub) vs  `pkg source list` (the CLI start plus loading the same state)
#   install  `pkg install` of 50 real packages from nginx in one transaction (update, resolve, parallel downloads,
#            verify, journal) vs  curl of the same 50 .vpkg files, one after the other
# Usage: bench/pkg-repo.sh [chains] [depth]   (defaults 50 100: 10,000 packages)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
chains="${1:-50}"; depth="${2:-100}"
cli="$root/artifacts/cli/veridian"
VERIDIAN_NO_BOOTSTRAP=1 "$root/veridian" --version >/dev/null   # (re)builds the CLI when its sources changed
[ -x /usr/sbin/nginx ] || { echo "bench/pkg-repo.sh: nginx is missing (scripts/bootstrap-host --set all)" >&2; exit 2; }
work="$(mktemp -d /tmp/vpkg-repo-bench.XXXXXX)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
cd "$work"
target=x86_64-veridian-user-relibc
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

now() { date +%s.%N; }
t() { local s e; s=$(now); "$@" >/dev/null 2>&1; e=$(now); echo "$e - $s" | bc -l; }
ratio() { echo "scale=2; $1 / $2" | bc -l; }

# --- a repository with 50 real packages (for the install) and 10,000 generated entries (for update and resolve)
"$cli" pkg key new bench --dir keys >/dev/null
"$cli" pkg repo init repo --keys rk >/dev/null
deps=""
for i in $(seq -w 1 50); do
  mkdir -p "st$i/usr/share/p$i" && head -c 65536 /dev/urandom > "st$i/usr/share/p$i/data"
  printf '{"name":"p%s","version":"1.0.0","target":"%s","kind":"data","channel":"core"}' "$i" "$target" > "p$i.json"
  "$cli" pkg build "st$i" -m "p$i.json" -o "p$i.vpkg" --key keys/bench.secret --level 3 >/dev/null
  deps="$deps${deps:+,}{\"name\":\"p$i\",\"range\":\">=1.0.0\"}"
done
"$cli" pkg repo add repo p*.vpkg >/dev/null
# The 10,000 generated entries go into the staged targets (canonical JSON, the form docs/pkg-repository.md gives);
# their files do not exist: only update and resolve read them.
python3 - "$chains" "$depth" "$target" <<'PY'
import json, sys, hashlib
chains, depth, target = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
staged = json.load(open("repo/.staged/targets.json"))
signed = staged["signed"]
def entry(name, version, depends, conflicts):
    return {"name": name, "version": version, "target": target, "channel": "core", "length": 1000,
            "sha256": hashlib.sha256(f"{name}-{version}".encode()).hexdigest(), "metadataLength": 500,
            "depends": [{"name": n, "range": r} for n, r in depends], "provides": [], "conflicts": conflicts}
targets = signed["targets"]
for c in range(chains):
    for d in range(depth):
        name = f"c{c:03d}-{d:03d}"
        nxt = f"c{c:03d}-{d+1:03d}" if d + 1 < depth else None
        targets[f"packages/{name}/{name}-1.0.0-{target}.vpkg"] = entry(name, "1.0.0", [(nxt, "^1.0.0")] if nxt else [], [])
        if nxt:  # 2.0.0 exists down to the one above the bottom, which needs a 2.0.0 that is not there
            conflicts = [f"c{(c + 1) % chains:03d}-{d:03d}"] if d % 10 == 0 else []
            targets[f"packages/{name}/{name}-2.0.0-{target}.vpkg"] = entry(name, "2.0.0", [(nxt, "^2.0.0")], conflicts)
tops = [(f"c{c:03d}-000", "*") for c in range(chains)]
targets[f"packages/app/app-1.0.0-{target}.vpkg"] = entry("app", "1.0.0", tops, [])
signed["targets"] = dict(sorted(targets.items()))
body = json.dumps(signed, separators=(",", ":"), ensure_ascii=False)
open("repo/.staged/targets.json", "w").write('{"signed":' + body + ',"signatures":[]}')
print(f"{len(targets)} targets entries", file=sys.stderr)
PY
"$cli" pkg repo sign repo --role targets --key rk/targets.secret >/dev/null
"$cli" pkg repo publish repo --keys rk >/dev/null
targets_bytes=$(stat -c %s repo/2.targets.json)

"$cli" pkg repo serve repo --port "$port" >/dev/null 2>&1 & server=$!
until (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; do sleep 0.1; done
url="http://127.0.0.1:$port"

for s in sr sr2; do
  "$cli" pkg init --sysroot $s --target $target >/dev/null
  "$cli" pkg key trust keys/bench.pub --sysroot $s --channel core >/dev/null
  "$cli" pkg source add main "$url" --root repo/1.root.json --sysroot $s >/dev/null
done
"$cli" pkg update --sysroot sr2 >/dev/null   # warm-up: the CLI's first start, nginx's page cache

update=$(t "$cli" pkg update --sysroot sr)
curl_meta=$(t curl -sf -o /dev/null -o /dev/null -o /dev/null -o /dev/null "$url/2.root.json" "$url/timestamp.json" "$url/2.snapshot.json" "$url/2.targets.json")
resolved=$("$cli" pkg install --dry-run --offline app --sysroot sr | wc -l)
resolve=$(t "$cli" pkg install --dry-run --offline app --sysroot sr)
list=$(t "$cli" pkg source list --sysroot sr)
names=$(for i in $(seq -w 1 50); do printf 'p%s ' "$i"; done)
# shellcheck disable=SC2086
install=$(t "$cli" pkg install $names --sysroot sr)
pkg_bytes=$(cat p*.vpkg | wc -c)
curl_pkgs=$(t bash -c "for i in \$(seq -w 1 50); do curl -sf -o /dev/null '$url/packages/p'\$i'/p'\$i'-1.0.0-$target.vpkg'; done")
installed=$("$cli" pkg list --sysroot sr | tail -n +2 | wc -l)

printf '%-52s %8s   %-44s %8s   %6s\n' "measured (s)" "" "anchor (s)" "" "ratio"
printf '%-52s %8.3f   %-44s %8.3f   %6s\n' "pkg update, 10,000 packages ($targets_bytes B targets)" "$update" "curl of the same 4 files" "$curl_meta" "$(ratio "$update" "$curl_meta")"
printf '%-52s %8.3f   %-44s %8.3f   %6s\n' "resolve app: $resolved packages chosen of 10,000" "$resolve" "pkg source list (start + load state)" "$list" "$(ratio "$resolve" "$list")"
printf '%-52s %8.3f   %-44s %8.3f   %6s\n' "pkg install of 50 packages ($pkg_bytes B), one tx" "$install" "curl of the same 50 files, one by one" "$curl_pkgs" "$(ratio "$install" "$curl_pkgs")"
echo "installed: $installed packages"
