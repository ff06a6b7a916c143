package io.jdig.conformance;

import io.jdig.Prerequisites;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the real sysdig 0.29.3 (installed by setup.sh) and jdig side by side on the shared traces with options the
 * recordings do not cover (-b, -v, -D, -n, concatenated files), and compares their output line by line.
 */
class SysdigCrossCheckTest {
    private static final List<String> TRACES = List.of("falco__cat_write", "libs__curl_google",
            "libs__single_ipv6_conn", "falco__psp_run_as_user_0_container", "libs__sample", "falco__connect_localhost");
    private static final List<List<String>> OPTIONS = List.of(
            List.of("-b"), List.of("-v"), List.of("-v", "-A"), List.of("-D", "-n", "200"), List.of("-n", "50"),
            List.of("-b", "-j"), List.of("-x", "-v"), List.of("-D", "-j", "-n", "100"),
            List.of("-p", "%evt.num %evt.type %fd.name_changed %fd.name"), List.of("fd.name_changed=true"),
            List.of("-R"), List.of("-R", "-p", "%fd.name %fd.sproto %fd.cproto %fd.lproto %fd.rproto %evt.args"));


    /** sysdig's output lines; it must succeed. */
    static List<String> sysdig(List<String> args) throws IOException, InterruptedException {
        return Shared.sysdigOk(args);
    }

    @TestFactory
    List<DynamicTest> sameOutputAsTheRealSysdig(@TempDir Path dir) throws IOException {
        Prerequisites.requireSysdig();
        List<DynamicTest> tests = new ArrayList<>();
        for (String t : TRACES) {
            for (List<String> opts : OPTIONS) {
                List<String> args = new ArrayList<>(List.of("-r", Shared.trace(t).toString()));
                args.addAll(opts);
                tests.add(DynamicTest.dynamicTest(t + " " + String.join(" ", opts), () -> compare(args)));
            }
        }
        // concatenated captures: two files one after the other in one file
        byte[] a = Shared.plainBytes(Shared.trace("falco__cat_write"));
        Path cat = dir.resolve("cat.scap");
        Files.write(cat, a);
        Files.write(cat, a, java.nio.file.StandardOpenOption.APPEND);
        tests.add(DynamicTest.dynamicTest("concatenated files", () -> compare(List.of("-r", cat.toString()))));
        tests.add(DynamicTest.dynamicTest("two -r files", () -> compare(List.of("-r",
                Shared.trace("falco__cat_write").toString(), "-r", Shared.trace("libs__test_ipv6_client").toString()))));
        // rewriting with a filter: the same events kept (and, with -F, the same hidden state events) as sysdig.
        // (sysdig 0.29 writes interface lists it cannot read back for some traces, so these two are used.)
        for (String t : List.of("libs__sample", "libs__single_ipv6_conn")) {
            for (String fat : List.of("", "-F")) {
                String f = "evt.type in (connect, write, sendto) or fd.name contains /etc";
                tests.add(DynamicTest.dynamicTest(t + " -w " + fat + " " + f, () -> compareRewrite(dir, t, fat, f)));
            }
        }
        return tests;
    }

    /**
     * sysdig and jdig each rewrite a trace with -w and a filter; both results, read back by jdig (sysdig 0.29
     * cannot read back every file it writes), must hold the same events with the same state.
     */
    private static void compareRewrite(Path dir, String trace, String fat, String filter)
            throws IOException, InterruptedException {
        Path s = dir.resolve(trace + fat + ".sysdig.scap");
        Path j = dir.resolve(trace + fat + ".jdig.scap");
        List<String> common = new ArrayList<>(List.of("-r", Shared.trace(trace).toString()));
        if (!fat.isEmpty()) {
            common.add(fat);
        }
        List<String> sargs = new ArrayList<>(common);
        sargs.addAll(List.of("-w", s.toString(), filter));
        sysdig(sargs);
        List<String> jargs = new ArrayList<>(common);
        jargs.addAll(List.of("-w", j.toString(), filter));
        Shared.Run written = Shared.jdig(jargs.toArray(new String[0]));
        assertThat(written.code()).as(written.err()).isZero();
        String fmt = "%evt.num %evt.time %evt.type %evt.dir %proc.name %thread.tid %fd.name %evt.args";
        Shared.Run readSysdigs = Shared.jdig("-r", s.toString(), "-D", "-p", fmt);
        Shared.Run readJdigs = Shared.jdig("-r", j.toString(), "-D", "-p", fmt);
        assertThat(readSysdigs.code()).as(readSysdigs.err()).isZero();
        assertThat(readJdigs.code()).as(readJdigs.err()).isZero();
        List<String> want = readSysdigs.out();
        List<String> got = readJdigs.out();
        assertThat(want).isNotEmpty();
        assertThat(got).as(() -> trace + " " + fat + Shared.diff(want, got)).isEqualTo(want);
        assertThat(Files.size(j)).isEqualTo(Files.size(s));
    }


    private static void compare(List<String> args) throws IOException, InterruptedException {
        String what = String.join(" ", args);
        String key = args.size() > 1 ? (Path.of(args.get(1)).getFileName().toString().replace(".scap", "") + " "
                + String.join(" ", args.subList(2, args.size()))).trim() : what;
        Shared.assertSame(what, Shared.sysdig(args), Shared.jdig(args.toArray(new String[0])),
                ExpectedEmpty.contains(key) ? Shared.Expect.EMPTY : Shared.Expect.LINES);
    }
}
