#!/usr/bin/env bash
# Installs the system packages jdig builds and tests with, when they are missing.
set -euo pipefail
need=()
command -v clang >/dev/null 2>&1 || need+=(clang llvm)
[[ -e /usr/include/bpf/libbpf.h ]] || need+=(libbpf-dev)
command -v bpftool >/dev/null 2>&1 || need+=(bpftool)
command -v strace >/dev/null 2>&1 || need+=(strace)
command -v tshark >/dev/null 2>&1 || need+=(tshark)
command -v sysdig >/dev/null 2>&1 || need+=(sysdig)
command -v mvn >/dev/null 2>&1 || need+=(maven)
if ((${#need[@]})); then
  echo "setup: installing ${need[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
if ! ls -d /usr/lib/jvm/temurin-25* >/dev/null 2>&1; then
  echo "setup: JDK 25 (Temurin) is required under /usr/lib/jvm" >&2
  exit 1
fi
