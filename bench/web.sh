#!/usr/bin/env bash
# Web UI benchmark on the big trace: jdig ui's first read (until it prints its address), the overview, then ten
# drill-downs and view switches through the HTTP API, each timed, with the server's peak memory; beside it Sysdig
# Inspect's way of working, one csysdig -j run over the whole file per click, for the same views.
source "$(dirname "$0")/lib.sh"
events=$(./jdig -r "$big" -q -D -S 2>/dev/null | awk 'NR>3{n+=$NF} END{print n}')
echo "trace: $big ($events events, $(du -m "$big" | cut -f1) MB)"
out=$(mktemp); err=$(mktemp)
start=$(date +%s.%N)
./jdig ui "$big" >"$out" 2>"$err" &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -f "$out" "$err"' EXIT
until [[ -s "$out" ]]; do
  sleep 0.05
  kill -0 $pid 2>/dev/null || { cat "$err" >&2; exit 1; }
done
listening=$(date +%s.%N)
url=$(head -1 "$out"); base=${url%%/\?*}; token=${url##*token=}
while curl -s "$base/api/info?token=$token" | grep -q '"loading":true'; do sleep 0.1; done
ready=$(date +%s.%N)
java_pid=$(pgrep -P $pid java || echo $pid)
get() { # path -> seconds
  curl -s -o /dev/null -w "%{time_total}" "$base$1&token=$token"
}
printf "%-44s %8s\n" "step" "seconds"
printf "%-44s %8.3f\n" "address printed (the page shows progress)" "$(awk "BEGIN{print $listening - $start}")"
printf "%-44s %8.3f\n" "first read done (the page can answer)" "$(awk "BEGIN{print $ready - $start}")"
printf "%-44s %8.3f\n" "overview (/api/summary)" "$(get "/api/summary?")"
steps=(
  "view procs|/api/view?view=procs"
  "drill procs -> threads of pid 1|/api/view?view=threads&pv=procs&pk=1"
  "view files|/api/view?view=files"
  "view connections|/api/view?view=connections"
  "view syscalls|/api/view?view=syscalls"
  "drill syscalls -> procs of one call|/api/view?view=procs&pv=syscalls&pk=read"
  "view errors|/api/view?view=errors"
  "view directories|/api/view?view=directories"
  "back: view procs (cached)|/api/view?view=procs"
  "time range: procs, middle tenth|RANGE"
)
first=$(curl -s "$base/api/info?token=$token" | sed 's/.*"firstTs":"\([0-9]*\)".*/\1/')
last=$(curl -s "$base/api/info?token=$token" | sed 's/.*"lastTs":"\([0-9]*\)".*/\1/')
from=$(python3 -c "print($first + ($last - $first) * 45 // 100)"); to=$(python3 -c "print($first + ($last - $first) * 55 // 100)")
for s in "${steps[@]}"; do
  name=${s%%|*}; path=${s#*|}
  [[ "$path" == RANGE ]] && path="/api/view?view=procs&from=$from&to=$to"
  printf "%-44s %8.3f\n" "$name" "$(get "$path")"
done
echo "jdig ui peak memory (VmHWM): $(awk '/VmHWM/{print $2, $3}' /proc/$java_pid/status)"
echo
echo "Sysdig Inspect's way: one csysdig -r FILE -v VIEW -j per click"
for v in procs files connections syscalls; do
  r=$(once csysdig -r "$big" -v "$v" -j)
  printf "%-44s %8.3f  (peak %s MB)\n" "csysdig -v $v -j" "${r% *}" "$(( ${r#* } / 1024 ))"
done
