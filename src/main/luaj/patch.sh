#!/usr/bin/env bash
# Adjusts LuaJ's sources, as unpacked by the build, where chisels would see LuaJ differ from the LuaJIT that
# sysdig embeds: patch.sh LIBRARY_SOURCES_DIR. Idempotent (the unpacked sources may be kept between builds).
#
# 1. A number that is not an integer becomes text through LuaDouble.tojstring: in `..`, table.concat and the string
#    library. LuaJ writes it with float precision (42.01202); LuaJIT with "%.14g" (42.01202009329). The patch adds a
#    hook that jdig's chisel runtime sets to its LuaJIT formatting.
# 2. pairs/next visit a table whose keys are all numbers in LuaJIT's order, the same on every run of sysdig
#    (JitOrder.java, beside this script, keeps LuaJIT's layout of the keys); other tables keep LuaJ's order.
set -euo pipefail
dir="${1:?usage: patch.sh LIBRARY_SOURCES_DIR}/org/luaj/vm2"
here="$(cd "$(dirname "$0")" && pwd)"

f="$dir/LuaDouble.java"
if ! grep -q 'NUMBER_TEXT' "$f"; then
  sed -i \
    -e 's|^public class LuaDouble extends LuaNumber {|&\n\t/** Set by the embedding program: the text of a number (LuaJ'"'"'s own when null). */\n\tpublic static volatile java.util.function.DoubleFunction<String> NUMBER_TEXT;|' \
    -e 's|^\tpublic String tojstring() {|&\n\t\tjava.util.function.DoubleFunction<String> text = NUMBER_TEXT;\n\t\tif ( text != null ) return text.apply(v);|' \
    "$f"
  if [[ $(grep -c 'NUMBER_TEXT' "$f") -lt 2 ]]; then
    echo "patch.sh: LuaDouble.java is not as expected; cannot add the number text hook" >&2
    exit 1
  fi
fi

cp "$here/JitOrder.java" "$dir/JitOrder.java"
f="$dir/LuaTable.java"
if ! grep -q 'jitOrder' "$f"; then
  sed -i \
    -e 's|^\tprotected Metatable m_metatable;|&\n\n\t/** jdig: LuaJIT'"'"'s order of the keys while they are all numbers (see JitOrder); null before any and after another kind. */\n\tJitOrder jitOrder;\n\tboolean jitOff;\n\n\tprivate void jitNote( LuaValue key, LuaValue value ) {\n\t\tif ( jitOff ) return;\n\t\tif ( key.type() != TNUMBER ) { jitOff = true; jitOrder = null; return; }\n\t\tif ( jitOrder == null ) jitOrder = new JitOrder();\n\t\tjitOrder.set( key.todouble(), !value.isnil() );\n\t}\n\n\tprivate void jitNote( int key, LuaValue value ) {\n\t\tif ( jitOff ) return;\n\t\tif ( jitOrder == null ) jitOrder = new JitOrder();\n\t\tjitOrder.set( key, !value.isnil() );\n\t}|' \
    -e 's|^\tpublic void rawset( int key, LuaValue value ) {|&\n\t\tjitNote( key, value );|' \
    -e 's|^\tpublic void rawset( LuaValue key, LuaValue value ) {|&\n\t\tjitNote( key, value );|' \
    -e 's|^\tpublic Varargs next( LuaValue key ) {|&\n\t\tif ( jitOrder != null ) return jitOrder.next( this, key );|' \
    "$f"
  if [[ $(grep -c 'jitNote\|jitOrder.next' "$f") -lt 5 ]]; then
    echo "patch.sh: LuaTable.java is not as expected; cannot add LuaJIT's key order" >&2
    exit 1
  fi
fi
