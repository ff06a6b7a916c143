#!/usr/bin/env python3
"""Regenerates src/main/resources/io/jdig/event/valuetables.txt.

The numbers and names are facts taken from falcosecurity/libs.  To get the numeric values of the
PPM_* macros right, this script writes a throw-away C program that includes the libs headers and
tables, compiles it with the host C compiler and reads back what it prints; the output file uses
jdig's own format (see the header of the generated file).

usage: gen.py LIBS_GIT_DIR OUT_FILE
  LIBS_GIT_DIR  a clone (bare is fine) of github.com/falcosecurity/libs
Primary source: libs e5c53d648f3c4694385bbe488e7d47eaa36c229a (what sysdig 0.29.3 was built with).
Tables that only newer libs have are taken from the clone's HEAD.
"""
import os
import re
import subprocess
import sys
import tempfile

OLD = "e5c53d648f3c4694385bbe488e7d47eaa36c229a"

# A table is written as [enum ...] when libs HEAD's event table uses it for a PT_ENUMFLAGS* parameter
# (rendered by exact match there). sysdig 0.29 has no such type and walks every table as bit flags; the
# kind is recorded so that a HEAD-compatible rendering can use it.


def export(git_dir, commit, dest):
    paths = ["driver", "userspace/libscap", "userspace/libsinsp/utils.cpp",
             "userspace/libsinsp/sinsp_errno.h", "userspace/libsinsp/sinsp_signal.h"]
    if commit == OLD:
        paths.append("userspace/common")
    os.makedirs(dest, exist_ok=True)
    tar = subprocess.run(["git", "-C", git_dir, "archive", commit] + paths,
                         check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", dest], input=tar, check=True)


def table_names(src, kind):
    return re.findall(r"const\s+struct\s+" + kind + r"\s+(\w+)\s*\[", src)


def c_enum(header, prefix):
    """name -> int for 'PREFIX_X = n' members of enums in the header."""
    out = {}
    for m in re.finditer(r"\b(" + prefix + r"\w+)\s*=\s*(\d+)", header):
        out.setdefault(int(m.group(2)), m.group(1))
    return out


def switch_cases(src, func):
    start = src.index(func)
    body = src[start:src.index("\n}\n", start)]
    return re.findall(r"case\s+(SE_\w+):\s*return\s+\"([^\"]*)\";", body)


def run_c(workdir, code, incs):
    cfile = os.path.join(workdir, "dump.c")
    exe = os.path.join(workdir, "dump")
    with open(cfile, "w") as f:
        f.write(code)
    args = ["gcc", "-w", "-o", exe, cfile]
    for i in incs:
        args += ["-I", i]
    subprocess.run(args, check=True)
    return subprocess.run([exe], check=True, capture_output=True, text=True).stdout


def dump_tables(root, names, dyn_names):
    code = ['#include <stdio.h>', '#include <stdint.h>',
            '#include "flags_table.c"', '#include "dynamic_params_table.c"',
            'static void nv(const char *t, const struct ppm_name_value *p) {',
            '  printf("T %s\\n", t);',
            '  for (; p->name; p++) printf("V %u %s\\n", (unsigned)p->value, p->name);',
            '}',
            'static void dy(const char *t, const struct ppm_param_info *p, int n) {',
            '  printf("D %s\\n", t);',
            '  for (int i = 0; i < n; i++) printf("P %d %d %d\\n", i, (int)p[i].type, (int)p[i].fmt);',
            '}',
            'int main(void) {']
    for n in names:
        code.append('  nv("%s", %s);' % (n, n))
    for n in dyn_names:
        code.append('  dy("%s", %s, (int)(sizeof(%s)/sizeof(%s[0])));' % (n, n, n, n))
    code.append('  return 0; }')
    with tempfile.TemporaryDirectory() as w:
        return run_c(w, "\n".join(code) + "\n", [os.path.join(root, "driver")])


def dump_defines(root, pairs, header):
    code = ['#include <stdio.h>', '#include "%s"' % header, 'int main(void) {']
    for sym, name in pairs:
        code.append('  printf("%%d %s\\n", (int)(%s));' % (name, sym))
    code.append('  return 0; }')
    with tempfile.TemporaryDirectory() as w:
        return run_c(w, "\n".join(code) + "\n", [os.path.join(root, "userspace/libsinsp")])


def dump_syscalls(root):
    code = ['#include <stdio.h>',
            '#include "syscall_info_table.c"',
            'int main(void) {',
            '  for (int i = 0; i < PPM_SC_MAX; i++)',
            '    if (g_syscall_info_table[i].name) printf("%d %s\\n", i, g_syscall_info_table[i].name);',
            '  return 0; }']
    with tempfile.TemporaryDirectory() as w:
        return run_c(w, "\n".join(code) + "\n",
                     [os.path.join(root, "userspace/libscap"), os.path.join(root, "driver"),
                      os.path.join(root, "userspace")])


def parse_tables(text):
    tables, cur = {}, None
    for line in text.splitlines():
        tag, rest = line.split(" ", 1)
        if tag in ("T", "D"):
            cur = []
            tables[rest] = (tag, cur)
        elif tag == "V":
            v, n = rest.split(" ", 1)
            cur.append((int(v), n))
        else:
            i, t, f = rest.split(" ")
            cur.append((int(i), int(t), int(f)))
    return tables


def enum_usage(event_table_file):
    """table name -> set of param types that reference it."""
    use = {}
    for m in re.finditer(r"(PT_\w+) PF_\w+ \[(\w+)\]", open(event_table_file).read()):
        use.setdefault(m.group(2), set()).add(m.group(1))
    return use


def main():
    git_dir, out_file = sys.argv[1], sys.argv[2]
    ref = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../shared/reference")
    ref = os.environ.get("JDIG_REFERENCE", ref)
    head_use = enum_usage(os.path.join(ref, "event_table_libs_head.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        old_root, new_root = os.path.join(tmp, "old"), os.path.join(tmp, "new")
        export(git_dir, OLD, old_root)
        export(git_dir, "HEAD", new_root)
        head_commit = subprocess.run(["git", "-C", git_dir, "rev-parse", "HEAD"], check=True,
                                     capture_output=True, text=True).stdout.strip()

        def load(root):
            ft = open(os.path.join(root, "driver/flags_table.c")).read()
            dt = open(os.path.join(root, "driver/dynamic_params_table.c")).read()
            hdr = open(os.path.join(root, "driver/ppm_events_public.h")).read()
            names = table_names(ft, "ppm_name_value")
            dyn = table_names(dt, "ppm_param_info")
            return names, dyn, parse_tables(dump_tables(root, names, dyn)), hdr

        o_names, o_dyn, o_tab, o_hdr = load(old_root)
        n_names, n_dyn, n_tab, n_hdr = load(new_root)
        pt = c_enum(n_hdr, "PT_")
        pf = c_enum(n_hdr, "PF_")

        utils = open(os.path.join(old_root, "userspace/libsinsp/utils.cpp")).read()
        errnos = [l.split(" ", 1) for l in dump_defines(
            old_root, switch_cases(utils, "sinsp_utils::errno_to_str"), "sinsp_errno.h").splitlines()]
        sigs = [l.split(" ", 1) for l in dump_defines(
            old_root, switch_cases(utils, "sinsp_utils::signal_to_str"), "sinsp_signal.h").splitlines()]
        scs = [l.split(" ", 1) for l in dump_syscalls(old_root).splitlines()]

    out = []
    w = out.append
    w("# jdig value-name tables: how sysdig names the values of event parameters.")
    w("# Generated by tools/gen-valuetables/gen.py from falcosecurity/libs")
    w("#   %s (sysdig 0.29.3), plus tables only found at %s." % (OLD, head_commit))
    w("#")
    w("# Format: '#' starts a comment line; blank lines are ignored.  A section starts with a header line")
    w("#   [flags NAME]  bit-flag names:   VALUE NAME     (decimal, in the driver's table order)")
    w("#   [enum NAME]   exact-match names: VALUE NAME    (libs HEAD renders these by exact match)")
    w("#   [dyn NAME]    PT_DYN sub-types:  INDEX PT_TYPE PF_FORMAT")
    w("#   [errno]       VALUE NAME  (positive errno; sysdig prints -VALUE(NAME))")
    w("#   [signals]     VALUE NAME")
    w("#   [syscalls]    PPM_SC_CODE NAME  (libs 0.29 numbering)")
    w("# A trailing '@head' on a header marks a table that only newer libs have.")
    w("")

    def emit_nv(name, rows, head_only):
        types = head_use.get(name, set())
        kind = "enum" if any(t.startswith("PT_ENUMFLAGS") for t in types) else "flags"
        w("[%s %s]%s" % (kind, name, " @head" if head_only else ""))
        for v, n in rows:
            w("%d %s" % (v, n))
        w("")

    for name in o_names:
        emit_nv(name, o_tab[name][1], False)
    for name in n_names:
        if name not in o_tab:
            emit_nv(name, n_tab[name][1], True)
    for name in o_dyn:
        w("[dyn %s]" % name)
        for i, t, f in o_tab[name][1]:
            w("%d %s %s" % (i, pt[t], pf[f]))
        w("")
    for name in n_dyn:
        if name not in o_tab:
            w("[dyn %s] @head" % name)
            for i, t, f in n_tab[name][1]:
                w("%d %s %s" % (i, pt[t], pf[f]))
            w("")
    w("[errno]")
    for v, n in errnos:
        w("%s %s" % (v, n))
    w("")
    w("[signals]")
    for v, n in sigs:
        w("%s %s" % (v, n))
    w("")
    w("[syscalls]")
    for v, n in scs:
        w("%s %s" % (v, n))
    with open(out_file, "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
