#!/usr/bin/env bash
# View benchmark: cjdig against the real csysdig, in one run on a trace of at least 5 million events (kept in
# /tmp, never in the repository): -v procs, files, connections and syscalls with -j, each pair of commands run in
# turns so both see the same load. Prints average and best wall-clock seconds, peak memory, and the ratios (above
# 1: cjdig is faster / smaller).
source "$(dirname "$0")/lib.sh"
command -v csysdig >/dev/null || { echo "bench: csysdig is not installed (../shared/tools/install-reference-sysdig)" >&2; exit 1; }
./cjdig --version >/dev/null

view_row() {
  local view=$1
  local cs=() ss=() ck=0 sk=0 i r
  for ((i = 0; i < runs; i++)); do
    r=$(once ./cjdig -r "$big" -v "$view" -j); cs+=("${r% *}"); ck=${r#* }
    r=$(once csysdig -r "$big" -v "$view" -j); ss+=("${r% *}"); sk=${r#* }
  done
  local stats ca cb sa sb
  stats=$(avg_best "${cs[@]}"); ca=${stats% *}; cb=${stats#* }
  stats=$(avg_best "${ss[@]}"); sa=${stats% *}; sb=${stats#* }
  printf "%-12s cjdig avg %6.3fs best %5.2fs %7d KB | csysdig avg %6.3fs best %5.2fs %7d KB | csysdig/cjdig time avg %sx best %sx, memory %sx (%d runs)\n" \
    "$view" "$ca" "$cb" "$ck" "$sa" "$sb" "$sk" "$(ratio "$sa" "$ca")" "$(ratio "$sb" "$cb")" "$(ratio "$sk" "$ck")" "$runs"
}

trace_line
for v in ${VIEWS:-procs files connections syscalls}; do
  view_row "$v"
done
