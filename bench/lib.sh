# Shared by the benchmark scripts (sourced): the big trace, and timing of whole commands.
# Makes a trace of at least 5 million events from a shared trace (kept in /tmp, never in the repository).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
shared=${JDIG_SHARED:-../shared}
big=${BIG:-/tmp/jdig-bench-psp.scap}
runs=${RUNS:-5}
command -v sysdig >/dev/null || { echo "bench: sysdig is not installed (../shared/tools/install-reference-sysdig)" >&2; exit 1; }
if [[ ! -f "$big" ]]; then
  python3 "$shared/tools/make-bench-trace.py" "$shared/traces/falco__psp_run_as_user_0_container.scap" "$big" 1250
fi
./jdig --version >/dev/null  # builds the jar if needed

# one timed run: "secs kb"
once() {
  local tf out
  tf=$(mktemp)
  /usr/bin/time -o "$tf" -f "%e %M" "$@" >/dev/null 2>/dev/null || true
  out=$(tail -1 "$tf"); rm -f "$tf"
  echo "$out"
}

# the average wall-clock seconds of N runs and the peak RSS of the last: "secs kb"
measure() {
  local i r sum=0 kb=0
  for ((i = 0; i < runs; i++)); do
    r=$(once "$@"); sum=$(awk "BEGIN{print $sum + ${r% *}}"); kb=${r#* }
  done
  echo "$(awk "BEGIN{printf \"%.3f\", $sum / $runs}") $kb"
}

# ratio A B: A / B with two decimals
ratio() {
  awk "BEGIN{printf \"%.2f\", $1 / ($2 > 0 ? $2 : 0.001)}"
}

# avg_best SECS...: "average best" of the times given
avg_best() {
  printf "%s\n" "$@" | awk '{s+=$1; if(NR==1||$1<m)m=$1} END{printf "%.3f %.2f", s/NR, m}'
}

# row NAME ARGS...: the same arguments to jdig and sysdig, run in turns (so both see the same load on a busy
# machine); prints the average and the best of each, the peak memory, and the ratios (above 1: jdig is faster)
row() {
  local name=$1; shift
  local js=() ss=() jk=0 sk=0 i r
  for ((i = 0; i < runs; i++)); do
    r=$(once ./jdig "$@"); js+=("${r% *}"); jk=${r#* }
    r=$(once sysdig "$@"); ss+=("${r% *}"); sk=${r#* }
  done
  local stats
  stats=$(avg_best "${js[@]}")
  local ja=${stats% *} jb=${stats#* }
  stats=$(avg_best "${ss[@]}")
  local sa=${stats% *} sb=${stats#* }
  printf "%-26s jdig avg %6.3fs best %5.2fs %7d KB | sysdig avg %6.3fs best %5.2fs %7d KB | sysdig/jdig avg %sx best %sx (%d runs)\n" \
    "$name" "$ja" "$jb" "$jk" "$sa" "$sb" "$sk" "$(ratio "$sa" "$ja")" "$(ratio "$sb" "$jb")" "$runs"
}

trace_line() {
  local events
  events=$(./jdig -r "$big" -q -D -S 2>/dev/null | awk 'NR>3{n+=$NF} END{print n}')
  echo "trace: $big ($events events, $(du -m "$big" | cut -f1) MB); jdig and sysdig run in turns"
}
