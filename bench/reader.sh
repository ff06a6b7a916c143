#!/usr/bin/env bash
# Reader benchmark: whole commands, jdig against the real sysdig, in one run on the same trace:
# -q, full printing to /dev/null and start-up, with peak memory, and the ratios (above 1: jdig is faster).
source "$(dirname "$0")/lib.sh"
trace_line
row "read -q" -r "$big" -q
row "read, print to /dev/null" -r "$big"
row "start-up (empty trace)" -r "$shared/traces/falco__empty_v2.scap"
