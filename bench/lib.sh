# Shared by the benchmark scripts (sourced): the big trace, and timing of whole commands.
# Makes a trace of at least 5 million events from a shared trace (kept in /tmp, never in the repository).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
shared=${JDIG_SHARED:-../shared}
big=${BIG:-/tmp/jdig-bench-psp.scap}
runs=${RUNS:-3}
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

# ratio A B: A / B with two decimals
ratio() {
  awk "BEGIN{printf \"%.2f\", $1 / ($2 > 0 ? $2 : 0.001)}"
}

# row NAME ARGS...: the same arguments to jdig and sysdig, side by side
row() {
  local name=$1; shift
  local j s
  j=$(measure ./jdig "$@")
  s=$(measure sysdig "$@")
  local js=${j% *} jk=${j#* } ss=${s% *} sk=${s#* }
  printf "%-28s jdig %7.2fs %7d KB   sysdig %7.2fs %7d KB   sysdig/jdig %sx\n" "$name" "$js" "$jk" "$ss" "$sk" \
    "$(ratio "$ss" "$js")"
}

trace_line() {
  local events
  events=$(./jdig -r "$big" -q -D -S 2>/dev/null | awk 'NR>3{n+=$NF} END{print n}')
  echo "trace: $big ($events events, $(du -m "$big" | cut -f1) MB), best of $runs runs"
}
