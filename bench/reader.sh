#!/usr/bin/env bash
# Reader benchmark: whole commands, jdig against the real sysdig, in one run on the same trace:
# -q, full printing to /dev/null and start-up, with peak memory, and the ratios (above 1: jdig is faster).
# The short commands vary most from run to run (sysdig's -q more than jdig's): they get twice the runs.
source "$(dirname "$0")/lib.sh"
trace_line
printing_runs=$runs
runs=$((2 * printing_runs))
row "read -q" -r "$big" -q
runs=$printing_runs
row "read, print to /dev/null" -r "$big"
runs=$((2 * printing_runs))
row "start-up (empty trace)" -r "$shared/traces/falco__empty_v2.scap"
