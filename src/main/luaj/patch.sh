#!/usr/bin/env bash
# Adjusts LuaJ's sources, as unpacked by the build, where chisels would see LuaJ differ from the LuaJIT that
# sysdig embeds: patch.sh LIBRARY_SOURCES_DIR. Idempotent (the unpacked sources may be kept between builds).
#
# A number that is not an integer becomes text through LuaDouble.tojstring: in `..`, table.concat and the string
# library. LuaJ writes it with float precision (42.01202); LuaJIT with "%.14g" (42.01202009329). The patch adds a
# hook that jdig's chisel runtime sets to its LuaJIT formatting.
set -euo pipefail
f="${1:?usage: patch.sh LIBRARY_SOURCES_DIR}/org/luaj/vm2/LuaDouble.java"
if grep -q 'NUMBER_TEXT' "$f"; then
  exit 0
fi
sed -i \
  -e 's|^public class LuaDouble extends LuaNumber {|&\n\t/** Set by the embedding program: the text of a number (LuaJ'"'"'s own when null). */\n\tpublic static volatile java.util.function.DoubleFunction<String> NUMBER_TEXT;|' \
  -e 's|^\tpublic String tojstring() {|&\n\t\tjava.util.function.DoubleFunction<String> text = NUMBER_TEXT;\n\t\tif ( text != null ) return text.apply(v);|' \
  "$f"
if [[ $(grep -c 'NUMBER_TEXT' "$f") -lt 2 ]]; then
  echo "patch.sh: LuaDouble.java is not as expected; cannot add the number text hook" >&2
  exit 1
fi
