# Shared by the launchers ./jdig and ./cjdig (sourced, with $here set to the checkout): picks a JDK 25, builds the
# jar when it is missing or older than the sources (first installing what the build needs, through setup.sh), and
# records the JDK's ahead-of-time caches. Bash built-ins where they do: every program started here adds to each
# start of jdig.

# true when $1 is a JDK of release 25 or later (read from its release file: no JVM started)
is_jdk25() {
  [[ -x "$1/bin/java" && -f "$1/release" ]] || return 1
  local line
  while IFS= read -r line; do
    if [[ "$line" =~ ^JAVA_VERSION=\"(2[5-9]|[3-9][0-9]) ]]; then
      return 0
    fi
  done <"$1/release"
  return 1
}

find_java_home() {
  if [[ -n "${JAVA_HOME:-}" ]] && is_jdk25 "$JAVA_HOME"; then
    found="$JAVA_HOME"; return
  fi
  local d
  for d in /usr/lib/jvm/temurin-25* /usr/lib/jvm/*25* /usr/lib/jvm/*; do
    if is_jdk25 "$d"; then
      found="$d"; return
    fi
  done
  echo "jdig: no JDK 25 found; install one (for example Temurin 25) or set JAVA_HOME" >&2
  exit 1
}
find_java_home
JAVA_HOME="$found"
export JAVA_HOME
java="$JAVA_HOME/bin/java"
jar="$here/target/jdig.jar"

# How jdig runs (its commands, and cjdig's full-screen UI). Less inlining than the JIT's defaults: a run of a few
# seconds is mostly spent waiting for the optimising compiler, and smaller compilations arrive sooner (measured:
# less CPU, and -q/filter runs faster). A small initial heap (it still grows as needed): the young generation then
# reuses memory it has already touched instead of touching fresh pages, measured 12 to 100 MB less peak memory
# and no slower (-q, printing, chisels, sysdig's Lua chisels).
jdig_opts=(-XX:+UseSerialGC -Xms16m -Xss8m --enable-native-access=ALL-UNNAMED -XX:-UsePerfData
           -XX:FreqInlineSize=150 -XX:InlineSmallCode=1000 -XX:MaxInlineLevel=9)
# How cjdig's one-shot outputs run (-j, --raw): read, print a table, exit; what they hold at their peak is mostly
# the JVM itself. Measured with bench/views.sh (5 million events, connections view): a cache of only the classes
# the views load and a 1 MB young generation took the peak from 71 to 52 MB; the optimising compiler alone (the
# quick one's code and profiles are not made), less inlining still and small string and symbol tables, to 48 MB.
# As fast but for the procs view, about 10% slower.
views_opts=(-XX:+UseSerialGC -Xms4m -Xmn1m -Xss8m --enable-native-access=ALL-UNNAMED -XX:-UsePerfData
            -XX:-TieredCompilation -XX:FreqInlineSize=100 -XX:InlineSmallCode=600 -XX:MaxInlineLevel=6
            -XX:+UnlockExperimentalVMOptions -XX:StringTableSize=4096 -XX:SymbolTableSize=4096)

jar_stale() {
  [[ ! -f "$jar" ]] || [[ -n "$(find "$here/src/main" "$here/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]]
}

# cache_stale FILE: FILE is older than the jar (and its last recording did not fail since the jar was built)
cache_stale() {
  [[ -z "${JDIG_NO_AOT:-}" ]] && [[ -f "$jar" ]] && { [[ ! -f "$1" ]] || [[ "$jar" -nt "$1" ]]; } \
    && ! { [[ -f "$1.failed" ]] && [[ "$1.failed" -nt "$jar" ]]; }
}

# record_cache FILE WHAT OPTS...: records the cache FILE from a training run with OPTS (the settings it will run
# with); WHAT is "jdig" (every class in the jar, jdig's common commands and cjdig's views) or "views" (cjdig's
# one-shot views only, from traces written by a run of its own so that writing them is not in the cache)
record_cache() {
  local file=$1 what=$2 ok=true
  shift 2
  if [[ "$what" == views ]]; then
    local dir
    if dir=$(mktemp -d); then
      "$java" "$@" -cp "$jar" io.jdig.cli.AotTraining --write-views "$dir" </dev/null >"$file.log" 2>&1 &&
        "$java" "$@" -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining -XX:AOTCacheOutput="$file" \
          -cp "$jar" io.jdig.cli.AotTraining --views "$dir" </dev/null >>"$file.log" 2>&1 || ok=false
      rm -rf "$dir"
    else
      ok=false
    fi
  else
    "$java" "$@" -XX:AOTCacheOutput="$file" -cp "$jar" io.jdig.cli.AotTraining </dev/null >"$file.log" 2>&1 \
      || ok=false
  fi
  if ! $ok; then
    rm -f "$file"; touch "$file.failed"
  fi
}

# prepare CACHE WHAT OPTS...: builds the jar if needed and the cache CACHE (see record_cache)
prepare() {
  local cache=$1 what=$2
  shift 2
  if jar_stale || cache_stale "$cache"; then
    mkdir -p "$here/target"
    exec 9>"$here/target/.build.lock"
    flock 9
    if jar_stale; then
      # what the build needs (Maven, clang, libbpf, bpftool): installed here when missing, saying so on stderr;
      # checked only before a build, so that an ordinary start costs nothing more
      "$here/setup.sh" build </dev/null || { echo "jdig: cannot build without them" >&2; exit 1; }
      echo "jdig: building (first run or sources changed)..." >&2
      if ! (cd "$here" && MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" \
            mvn -B -q -Dstyle.color=never -DskipTests package </dev/null) >"$here/target/build.log" 2>&1; then
        cat "$here/target/build.log" >&2; echo "jdig: build failed" >&2; exit 1
      fi
      rm -f "$here"/target/*.aot
    fi
    if cache_stale "$cache"; then
      # the JDK's ahead-of-time cache, recorded from a representative run: faster start, full speed sooner
      record_cache "$cache" "$what" "$@"
    fi
    exec 9>&-
  fi
}

# use_cache CACHE: sets cached to the options that use CACHE, if it is current (none otherwise). Its classes, but
# not its method profiles: compiling from this run's own profiles was measured about 5% faster (start-up, -q,
# filters, chisels), the training's ones send the compiler to its header parsing first.
use_cache() {
  cached=()
  if [[ -f "$1" && "$1" -nt "$jar" ]]; then
    cached=(-XX:AOTCache="$1" -XX:+IgnoreUnrecognizedVMOptions -XX:+UnlockDiagnosticVMOptions -XX:-AOTReplayTraining)
  fi
}
