#!/usr/bin/env bash
# Filter and format benchmark: whole commands, jdig against the real sysdig, in one run on the same trace:
# a compound filter with -q, and a -p format of ten fields printed to /dev/null (above 1: jdig is faster).
source "$(dirname "$0")/lib.sh"
trace_line
row "filter -q" -r "$big" -q "proc.name=curl and fd.type in (ipv4, ipv6)"
row "-p ten fields" -r "$big" -p "%evt.num %evt.time %evt.cpu %proc.name %thread.tid %evt.dir %evt.type %fd.name %evt.rawres %user.name"
