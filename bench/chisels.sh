#!/usr/bin/env bash
# Chisel benchmark: whole commands, jdig against the real sysdig, in one run on the same trace.
# Makes a trace of at least 5 million events from a shared trace (kept in /tmp, never in the repository), then
# times -c topprocs_net and -c topfiles_bytes with jdig's own chisels and with sysdig's Lua chisels run by jdig,
# against sysdig running its chisels, and prints the ratios (above 1: jdig is faster).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${JDIG_SHARED:-../shared}
big=${BIG:-/tmp/jdig-bench-psp.scap}
runs=${RUNS:-3}
sysdig_chisels=/usr/share/sysdig/chisels
command -v sysdig >/dev/null || { echo "bench: sysdig is not installed (../shared/tools/install-reference-sysdig)" >&2; exit 1; }
if [[ ! -f "$big" ]]; then
  python3 "$shared/tools/make-bench-trace.py" "$shared/traces/falco__psp_run_as_user_0_container.scap" "$big" 1250
fi
./jdig --version >/dev/null  # builds the jar if needed

# best of N wall-clock seconds and the peak RSS of that run: "secs kb"
measure() {
  local best="" kb=""
  for ((i = 0; i < runs; i++)); do
    local out tf
    tf=$(mktemp)
    /usr/bin/time -o "$tf" -f "%e %M" "$@" >/dev/null 2>/dev/null || true
    out=$(tail -1 "$tf"); rm -f "$tf"
    local s=${out% *} k=${out#* }
    if [[ -z "$best" ]] || awk "BEGIN{exit !($s < $best)}"; then best=$s; kb=$k; fi
  done
  echo "$best $kb"
}

row() {
  local chisel=$1
  local s j l
  s=$(measure sysdig -r "$big" -c "$chisel")
  j=$(measure ./jdig -r "$big" -c "$chisel")
  l=$(measure ./jdig --chisel-path "$sysdig_chisels" -r "$big" -c "$chisel")
  local ss=${s% *} sk=${s#* } js=${j% *} jk=${j#* } ls=${l% *} lk=${l#* }
  printf "%-16s sysdig %7.2fs %7d KB | jdig %7.2fs %7d KB  sysdig/jdig %sx | jdig+sysdig's Lua %7.2fs %7d KB  sysdig/jdig %sx\n" \
    "$chisel" "$ss" "$sk" "$js" "$jk" "$(awk "BEGIN{printf \"%.2f\", $ss / ($js > 0 ? $js : 0.001)}")" \
    "$ls" "$lk" "$(awk "BEGIN{printf \"%.2f\", $ss / ($ls > 0 ? $ls : 0.001)}")"
}

events=$(./jdig -r "$big" -q -D -S 2>/dev/null | awk 'NR>3{n+=$NF} END{print n}')
echo "trace: $big ($events events, $(du -m "$big" | cut -f1) MB), best of $runs runs"
row topprocs_net
row topfiles_bytes
