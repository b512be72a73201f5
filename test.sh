#!/usr/bin/env bash
# ./test.sh — the one test command: host bootstrap, build everything, run every test project, summary.
# Exit status is non-zero when anything fails. Extra arguments go to `dotnet test` (e.g. --filter ...).
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
start=$(date +%s)

echo "== bootstrap"
scripts/bootstrap-host --set all

echo "== build"
dotnet build Veridian.slnx -c Release --nologo -v q -clp:ErrorsOnly

echo "== test"
results="artifacts/test-results"
rm -rf "$results"
set +e
dotnet test Veridian.slnx -c Release --no-build --nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" "$@"
status=$?
set -e

# Summary from the TRX files: one line per test project, then the total. (grep -m1: with pipefail, a grep
# cut off by `head` would die of SIGPIPE on a large TRX and end the script with 141.)
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters="$(grep -m1 -o '<Counters [^>]*>' "$trx" | head -1)"
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  p=$(get passed); f=$(get failed); total=$(get total); executed=$(get executed)
  s=$(( ${total:-0} - ${executed:-0} ))
  name="$(grep -m1 -o 'storage="[^"]*\.dll"' "$trx" | head -1 | sed 's/.*\/\([^/]*\)\.dll"/\1/')"
  printf '  %-32s %4d passed, %d failed, %d skipped\n' "${name:-$(basename "$trx")}" "${p:-0}" "${f:-0}" "$s"
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + s))
done
echo "== summary ($(( $(date +%s) - start )) s)"
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
