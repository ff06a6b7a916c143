#!/usr/bin/env bash
# Live-capture overhead: 1M getpid() calls and `dd bs=1 count=500000` (1M syscalls), each timed alone, under
# `jdig -w /tmp/x.scap`, and under `strace -f -o /dev/null`, in one run. Prints slowdown ratios (same run),
# events/s written by jdig, and its drops. Needs root. Usage: bench/live.sh [rounds]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${1:-3}"
work=/tmp/jdig-bench
mkdir -p "$work"
out=/tmp/x.scap

# the getpid loop, in C (clang or cc)
cat > "$work/getpid.c" <<'C'
#include <unistd.h>
#include <sys/syscall.h>
int main(void) { for (int i = 0; i < 1000000; i++) syscall(SYS_getpid); return 0; }
C
cc=$(command -v clang || command -v cc || command -v gcc)
"$cc" -O2 -o "$work/getpid" "$work/getpid.c"

(cd "$here" && JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}" mvn -q -o package -DskipTests >/dev/null 2>&1) || true
jdig="$here/jdig"

now() { date +%s.%N; }
run_getpid() { "$work/getpid"; }
run_dd() { dd if=/dev/zero of=/dev/null bs=1 count=500000 status=none; }

# time CMD...: prints elapsed seconds
timeit() { local t0 t1; t0=$(now); "$@"; t1=$(now); echo "$t1 - $t0" | bc -l; }

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

start_jdig() {
  rm -f "$out"
  "$jdig" -w "$out" -v 2>"$work/jdig.err" &
  jpid=$!
  while [[ ! -e "$out" ]]; do
    kill -0 "$jpid" 2>/dev/null || { echo "jdig failed: $(cat "$work/jdig.err")" >&2; exit 1; }
    sleep 0.1
  done
  sleep 1
}
stop_jdig() {
  kill -TERM "$jpid"; wait "$jpid" || true
}

for w in getpid dd; do
  for mode in base jdig strace; do
    : > "$work/$w.$mode"
  done
done
: > "$work/rates"; : > "$work/drops"

for r in $(seq 1 "$rounds"); do
  for w in getpid dd; do
    timeit "run_$w" >> "$work/$w.base"
    if [[ $w == getpid ]]; then
      timeit strace -f -o /dev/null "$work/getpid" >> "$work/$w.strace"
    else
      timeit strace -f -o /dev/null dd if=/dev/zero of=/dev/null bs=1 count=500000 status=none >> "$work/$w.strace"
    fi
    start_jdig
    t=$(timeit "run_$w")
    echo "$t" >> "$work/$w.jdig"
    sleep 0.5
    stop_jdig
    ev=$(sed -n 's/.*Captured Events: \([0-9]*\),.*/\1/p' "$work/jdig.err")
    dr=$(sed -n 's/^Driver Drops:\([0-9]*\)/\1/p' "$work/jdig.err")
    echo "$w $ev $t $dr" >> "$work/rates"
    echo "$w $dr" >> "$work/drops"
  done
done

printf '%-8s %10s %10s %10s %12s %12s %14s %8s\n' workload base_s jdig_s strace_s jdig_ratio strace_ratio events/s drops
for w in getpid dd; do
  b=$(median < "$work/$w.base"); j=$(median < "$work/$w.jdig"); s=$(median < "$work/$w.strace")
  rate=$(awk -v w="$w" '$1==w && $3>0 {print $2/$3}' "$work/rates" | median)
  drops=$(awk -v w="$w" '$1==w {d+=$2} END {print d+0}' "$work/drops")
  printf '%-8s %10.3f %10.3f %10.3f %11.2fx %11.2fx %14.0f %8s\n' "$w" "$b" "$j" "$s" \
    "$(echo "$j / $b" | bc -l)" "$(echo "$s / $b" | bc -l)" "$rate" "$drops"
done
echo "(median of $rounds rounds; events/s = events jdig wrote (all processes) / duration of the workload under jdig; drops summed over rounds)"
rm -f "$out"

# What any eBPF tracer of system calls costs on this machine, for the getpid loop: programs that do nothing on
# sys_enter and sys_exit, and the least a recorder can do (one small ring record per enter and exit, unread).
vmlinux="$here/target/bpf-gen/vmlinux.h"
floor="$work/floor"
if [[ -s "$vmlinux" ]] && command -v clang >/dev/null && [[ -f /usr/include/bpf/libbpf.h ]]; then
  mkdir -p "$floor"
  for p in empty ring; do
    clang -O2 -g -target bpf -D__TARGET_ARCH_x86 -I"$(dirname "$vmlinux")" -c "$here/bench/floor/$p.bpf.c" -o "$floor/$p.o"
  done
  "$cc" -O2 -o "$floor/loader" "$here/bench/floor/loader.c" -lbpf
  : > "$floor/base"; : > "$floor/empty"; : > "$floor/ring"
  for r in $(seq 1 "$rounds"); do
    timeit run_getpid >> "$floor/base"
    for p in empty ring; do
      "$floor/loader" "$floor/$p.o" > "$floor/ready" 2>&1 &
      lpid=$!
      until grep -q ready "$floor/ready" 2>/dev/null; do
        kill -0 "$lpid" 2>/dev/null || { cat "$floor/ready" >&2; exit 1; }
        sleep 0.1
      done
      timeit run_getpid >> "$floor/$p"
      kill -TERM "$lpid"; wait "$lpid" || true
    done
  done
  # floor_line NAME TIMES BASE_TIMES: the median of the times and its ratio to the median of the base times
  floor_line() {
    local t b
    t=$(median < "$2"); b=$(median < "$3")
    printf '  %-46s %7.3fs %6.2fx\n' "$1" "$t" "$(echo "$t / $b" | bc -l)"
  }
  printf '\ngetpid overhead floors (median of %s rounds):\n' "$rounds"
  floor_line "bare" "$floor/base" "$floor/base"
  floor_line "empty programs on sys_enter and sys_exit" "$floor/empty" "$floor/base"
  floor_line "one 32-byte ring record per enter and exit" "$floor/ring" "$floor/base"
  floor_line "jdig -w (above)" "$work/getpid.jdig" "$work/getpid.base"
fi
