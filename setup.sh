#!/usr/bin/env bash
# Installs the system packages jdig needs, when they are missing (Debian 12), saying on stderr what it installs.
#   ./setup.sh          what building and testing need (./test.sh runs this)
#   ./setup.sh build    only what building needs (the ./jdig launcher runs this before it builds)
set -euo pipefail
what="${1:-all}"
need=()
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v clang >/dev/null 2>&1 || need+=(clang llvm)
[[ -e /usr/include/bpf/libbpf.h ]] || need+=(libbpf-dev)
command -v bpftool >/dev/null 2>&1 || need+=(bpftool)
if [[ "$what" != build ]]; then
  command -v strace >/dev/null 2>&1 || need+=(strace)
  command -v tshark >/dev/null 2>&1 || need+=(tshark)
  command -v sysdig >/dev/null 2>&1 || need+=(sysdig)
  # the terminal UI's tests drive ./cjdig inside tmux and inside GNU screen
  command -v tmux >/dev/null 2>&1 || need+=(tmux)
  command -v screen >/dev/null 2>&1 || need+=(screen)
  # ... and over ssh, to a private sshd the test starts on a loopback port with its own keys
  [[ -x /usr/sbin/sshd ]] || need+=(openssh-server)
  command -v ssh-keygen >/dev/null 2>&1 || need+=(openssh-client)
  # the web UI's browser tests: headless Chromium and its WebDriver
  [[ -x /usr/bin/chromium ]] || need+=(chromium)
  [[ -x /usr/bin/chromedriver ]] || need+=(chromium-driver)
fi
if ((${#need[@]})); then
  echo "setup: installing ${need[*]} (needed to $([[ "$what" == build ]] && echo build || echo "build and test") jdig)" >&2
  sudo=()
  if ((EUID != 0)); then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "setup: run as root, or install them: apt-get install ${need[*]}" >&2
      exit 1
    fi
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update -qq
  if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; then
    echo "setup: installing ${need[*]} failed" >&2
    exit 1
  fi
fi
if [[ "$what" != build ]] && ! ls -d /usr/lib/jvm/temurin-25* >/dev/null 2>&1; then
  echo "setup: JDK 25 (Temurin) is required under /usr/lib/jvm" >&2
  exit 1
fi
