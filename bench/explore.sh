#!/usr/bin/env bash
# The exploration API (what the web and terminal UIs ask) on a trace of at least 5 million events, beside Sysdig
# Inspect's way of working (one csysdig -r FILE -v VIEW -j per click): the first read to the overview, then eleven
# clicks (view switches, drill-downs, back, a time range, a sort, dig), times and peak memory.
# AFTER_WARM=1 lets the background replays finish before the clicks (a user looking at the overview first).
source "$(dirname "$0")/lib.sh"
export JAVA_HOME=${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25* | head -1)}
mvn -B -q -o -DskipTests test-compile >/dev/null
cpf=$(mktemp)
mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cpf" >/dev/null
deps=$(cat "$cpf"); rm -f "$cpf"
out=$(mktemp); tf=$(mktemp)
/usr/bin/time -o "$tf" -f "%e %M" "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp "target/classes:target/test-classes:$deps" io.jdig.bench.ExploreBench "$big" \
  ${AFTER_WARM:+--after-warm} >"$out" 2>/dev/null
read -r jsecs jkb <"$tf"
echo "trace: $big ($(du -h "$big" | cut -f1)), load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-42s %12s %12s %10s\n' "step" "jdig ms" "csysdig ms" "csysdig MB"
total_c=0
while IFS=$'\t' read -r step ms what cargs; do
  [[ "$step" == overview || "$step" == click || "$step" == warm ]] || continue
  cms="-"; cmb="-"
  if [[ -n "$cargs" && "$step" != warm ]]; then
    # shellcheck disable=SC2086
    set -- $cargs
    if [[ "$1" == -c ]]; then
      r=$(once sysdig -r "$big" -c wsysdig_summary)
    else
      r=$(once csysdig -r "$big" "$@" -j)
    fi
    cms=$(awk "BEGIN{printf \"%.0f\", ${r% *} * 1000}"); cmb=$(( ${r#* } / 1024 ))
  fi
  printf '%-42s %12s %12s %10s\n' "$step: ${what:0:34}" "$ms" "$cms" "$cmb"
done <"$out"
grep -E '^(heap|VmHWM|RssAnon|RssFile)' "$out" | tr '\t' ' '
echo "jdig process: $jsecs s in all, peak RSS $(( jkb / 1024 )) MB (of which the mapped events are RssFile, page cache)"
rm -f "$out" "$tf"
