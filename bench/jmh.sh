#!/usr/bin/env bash
# JMH benchmarks of the project (filter evaluation on real events): compiles the benchmark classes with JMH's
# annotation processor, then runs them. Extra arguments go to JMH (e.g. -prof gc, -f 1 -wi 3 -i 5).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
mvn -B -q -DskipTests test-compile >/dev/null
cp=$(mktemp)
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp" >/dev/null
deps=$(cat "$cp"); rm -f "$cp"
out=target/jmh-classes
rm -rf "$out"; mkdir -p "$out"
"$JAVA_HOME/bin/javac" -proc:full -processor org.openjdk.jmh.generators.BenchmarkProcessor -d "$out" \
  -cp "target/classes:target/test-classes:$deps" $(find src/test/java/io/jdig/bench -name '*.java')
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Djdig.shared="${JDIG_SHARED:-../shared}" \
  -cp "$out:target/classes:target/test-classes:$deps" org.openjdk.jmh.Main "$@"
