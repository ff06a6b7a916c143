#!/usr/bin/env bash
# Builds the CO-RE eBPF driver: build.sh OUTDIR -> OUTDIR/jdig.bpf.o
# vmlinux.h is generated from the build machine's BTF (never committed); the object is CO-RE, so it
# loads on any kernel with BTF. Set JDIG_VMLINUX_H to use a prepared vmlinux.h instead.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:?usage: build.sh OUTDIR}"
mkdir -p "$out"
gen="${JDIG_BPF_GEN:-$here/../../../target/bpf-gen}"
mkdir -p "$gen"
if [[ -n "${JDIG_VMLINUX_H:-}" ]]; then
  cp "$JDIG_VMLINUX_H" "$gen/vmlinux.h"
elif [[ ! -s "$gen/vmlinux.h" ]]; then
  if ! command -v bpftool >/dev/null; then echo "build.sh: bpftool not found (apt-get install bpftool)" >&2; exit 1; fi
  if [[ ! -r /sys/kernel/btf/vmlinux ]]; then echo "build.sh: /sys/kernel/btf/vmlinux missing; set JDIG_VMLINUX_H" >&2; exit 1; fi
  bpftool btf dump file /sys/kernel/btf/vmlinux format c > "$gen/vmlinux.h.tmp"
  mv "$gen/vmlinux.h.tmp" "$gen/vmlinux.h"
fi
obj="$out/jdig.bpf.o"
newest_src=$(ls -t "$here"/*.c "$here"/*.h "$gen/vmlinux.h" | head -1)
if [[ -s "$obj" && "$obj" -nt "$newest_src" ]]; then exit 0; fi
clang -O2 -g -target bpf -D__TARGET_ARCH_x86 -Wall -Wno-unused-function \
  -I"$gen" -I"$here" -c "$here/jdig.bpf.c" -o "$obj.tmp"
mv "$obj.tmp" "$obj"
