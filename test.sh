#!/usr/bin/env bash
# Sets up a fresh machine (packages, reference sysdig) and runs jdig's whole test suite.
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh
JAVA_HOME="$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1)"
export JAVA_HOME
mvn -B -q package -DskipTests
mvn -B test
