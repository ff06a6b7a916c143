#!/usr/bin/env bash
# Chisel benchmark: whole commands, jdig against the real sysdig, in one run on the same trace.
# Makes a trace of at least 5 million events from a shared trace (kept in /tmp, never in the repository), then
# times -c topprocs_net and -c topfiles_bytes with jdig's own chisels and with sysdig's Lua chisels run by jdig,
# against sysdig running its chisels, and prints the ratios (above 1: jdig is faster).
source "$(dirname "$0")/lib.sh"
sysdig_chisels=/usr/share/sysdig/chisels

chisel_row() {
  local chisel=$1
  local s j l
  s=$(measure sysdig -r "$big" -c "$chisel")
  j=$(measure ./jdig -r "$big" -c "$chisel")
  l=$(measure ./jdig --chisel-path "$sysdig_chisels" -r "$big" -c "$chisel")
  local ss=${s% *} sk=${s#* } js=${j% *} jk=${j#* } ls=${l% *} lk=${l#* }
  printf "%-16s sysdig avg %6.3fs %7d KB | jdig avg %6.3fs %7d KB  sysdig/jdig %sx | jdig+sysdig's Lua avg %6.3fs %7d KB  sysdig/jdig %sx (%d runs)\n" \
    "$chisel" "$ss" "$sk" "$js" "$jk" "$(ratio "$ss" "$js")" \
    "$ls" "$lk" "$(ratio "$ss" "$ls")" "$runs"
}

trace_line
chisel_row topprocs_net
chisel_row topfiles_bytes
