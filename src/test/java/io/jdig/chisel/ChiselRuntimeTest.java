package io.jdig.chisel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChiselRuntimeTest {
    @TempDir Path dir;

    final FakeHost host = new FakeHost();
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    ChiselLocator locator() { return new ChiselLocator(List.of(dir + "/"), true); }

    ChiselRuntime rt() { return new ChiselRuntime(host, locator(), out); }

    String out() { return out.toString(StandardCharsets.UTF_8); }

    void write(String name, String lua) throws Exception {
        Files.writeString(dir.resolve(name + ".lua"), lua);
    }

    static final String RECORDER = """
            description = "records callbacks"; short_description = "rec"; category = "Test"
            args = { {name = "a", description = "first", argtype = "string"},
                     {name = "b", description = "second", argtype = "int", optional = true} }
            function on_set_arg(n, v) print("set_arg " .. n .. "=" .. v) return true end
            function on_init() print("init") ft = chisel.request_field("evt.type"); chisel.set_interval_s(1) return true end
            function on_capture_start() print("capture_start") return true end
            function on_event() print("event " .. evt.get_num() .. " " .. tostring(evt.field(ft))) return true end
            function on_interval(s, ns, delta) print("interval " .. s .. " " .. ns .. " " .. delta) return true end
            function on_capture_end(s, ns, delta) print("capture_end " .. s .. " " .. ns .. " " .. delta) end
            """;

    @Test
    void splitsArgumentsLikeSysdig() {
        assertThat(Chisel.splitArgs("a b  c", "x")).containsExactly("a", "b", "", "c");
        assertThat(Chisel.splitArgs(" 'x y' `p q` z ", "x")).containsExactly("x y", "p q", "z");
        assertThat(Chisel.splitArgs("", "x")).isEmpty();
        assertThat(Chisel.splitArgs("k1,k2 'fd.type=file and evt.is_io=true' 10", "x"))
                .containsExactly("k1,k2", "fd.type=file and evt.is_io=true", "10");
        assertThatThrownBy(() -> Chisel.splitArgs("'open", "c")).hasMessage("corrupted parameters for chisel c");
    }

    @Test
    void checksArgumentCounts() throws Exception {
        write("rec", RECORDER);
        ChiselRuntime rt = rt();
        Chisel c = rt.add("rec");
        assertThatThrownBy(() -> c.setArgs("")).hasMessage("wrong number of parameters for chisel rec, 1 required, 0 given");
        assertThatThrownBy(() -> c.setArgs("1 2 3"))
                .hasMessage("too many parameters for chisel rec, 1 required, 1 optional, 3 given");
    }

    @Test
    void callsCallbacksInOrderAndFiresIntervalsOnEventTime() throws Exception {
        write("rec", RECORDER);
        ChiselRuntime rt = rt();
        rt.add("rec").setArgs("hello 'two words'");
        rt.init();
        rt.captureStart();
        long s = 1_000_000_000L;
        host.feed(rt, 10 * s + 5, "evt.type", "open");
        host.feed(rt, 10 * s + 7, "evt.type", "read");
        host.feed(rt, 11 * s + 3, "evt.type", "close");
        host.feed(rt, 13 * s + 1, "evt.type", "write");
        rt.captureEnd();
        assertThat(out()).isEqualTo("""
                set_arg a=hello
                set_arg b=two words
                init
                capture_start
                event 1 open
                event 2 read
                interval 11 3 0
                event 3 close
                interval 13 1 1999999998
                event 4 write
                capture_end 13 1 3000000000-4
                """.replace("3000000000-4", "2999999996"));
    }

    @Test
    void preciseIntervalCatchesUpEveryElapsedPeriod() throws Exception {
        write("p", """
                description = "d"; short_description = "s"; category = "T"; args = {}
                function on_init() chisel.set_precise_interval_ns(100) return true end
                function on_interval(s, ns, d) print(ns .. "/" .. d) return true end
                """);
        ChiselRuntime rt = rt();
        rt.add("p");
        rt.init();
        host.feed(rt, 1000);
        host.feed(rt, 1050);
        host.feed(rt, 1320);
        assertThat(out()).isEqualTo("1000/100\n1100/100\n1200/100\n");
    }

    @Test
    void tonumberSkipsWhiteSpaceLikeLua51() throws Exception {
        // memcachelog reads sizes such as "5\r\n" from protocol lines
        write("n", """
                description = "d"; short_description = "s"; category = "T"; args = {}
                function on_init()
                  print(tonumber("5\\r\\n"), tonumber("\\t8\\n"), tonumber(" 7 "), tonumber("0x10"), tonumber("5 x"),
                    tonumber("ff", 16), tonumber(" \\r"))
                  return true
                end
                """);
        ChiselRuntime rt = rt();
        rt.add("n");
        rt.init();
        assertThat(out()).isEqualTo("5\t8\t7\t16\tnil\t255\tnil\n");
    }

    @Test
    void osExecuteRunsTheCommandInAShell() throws Exception {
        // sysdig's udp_extract creates its directory with "mkdir DIR 2> /dev/null"
        Path made = dir.resolve("made");
        write("x", """
                description = "d"; short_description = "s"; category = "T"; args = {}
                function on_init()
                  print(os.execute("mkdir %s 2> /dev/null && echo hi > %s/f"), os.execute("exit 3"), os.execute() ~= 0)
                  return true
                end
                """.formatted(made, made));
        ChiselRuntime rt = rt();
        rt.add("x");
        rt.init();
        assertThat(out()).isEqualTo("0\t768\ttrue\n");
        assertThat(Files.readString(made.resolve("f"))).isEqualTo("hi\n");
        assertThat(dir.resolve("2>")).doesNotExist();
    }

    @Test
    void luaErrorNamesFileLineAndEvent() throws Exception {
        write("bad", """
                description = "d"; short_description = "s"; category = "T"; args = {}
                function on_event()
                  local t = nil
                  return t.x
                end
                """);
        ChiselRuntime rt = rt();
        rt.add("bad");
        rt.init();
        assertThatThrownBy(() -> host.feed(rt, 5))
                .isInstanceOf(ChiselException.class)
                .hasMessageStartingWith("bad chisel error: " + dir + "/bad.lua:4: ")
                .hasMessageEndingWith("(event 1)");
    }

    @Test
    void unknownFieldAndUnknownChiselAreClear() throws Exception {
        write("nofield", """
                description = "d"; short_description = "s"; category = "T"; args = {}
                function on_init() chisel.request_field("bogus.field") return true end
                """);
        ChiselRuntime rt = rt();
        rt.add("nofield");
        assertThatThrownBy(rt::init).hasMessage("nofield: chisel requesting nonexistent field bogus.field");
        assertThatThrownBy(() -> rt.add("topcon"))
                .hasMessageStartingWith("can't open file topcon")
                .hasMessageContaining("did you mean topconns");
    }

    @Test
    void execReplacesTheChiselAndTopTablesAreFormatted() {
        ChiselRuntime rt = rt();
        rt.add("topconns");
        rt.init();
        assertThat(host.filters).containsExactly("(fd.type=ipv4 or fd.type=ipv6) and evt.is_io=true");
        rt.captureStart();
        host.feed(rt, 1, "fd.l4proto", "tcp", "fd.name", "10.0.0.1:5000->10.0.0.2:80", "evt.rawarg.res", 2000L,
                "fd.type", "ipv4", "evt.is_io", true);
        host.feed(rt, 2, "fd.l4proto", "tcp", "fd.name", "10.0.0.1:5000->10.0.0.2:80", "evt.rawarg.res", 700L,
                "fd.type", "ipv4", "evt.is_io", true);
        host.feed(rt, 3, "fd.l4proto", "udp", "fd.name", "10.0.0.1:53000->8.8.8.8:53", "evt.rawarg.res", 92L,
                "fd.type", "ipv6", "evt.is_io", true);
        host.feed(rt, 4, "fd.l4proto", "udp", "fd.name", "x", "evt.rawarg.res", -5L, "fd.type", "ipv6", "evt.is_io", true);
        host.feed(rt, 5, "fd.l4proto", "udp", "fd.name", "y", "evt.rawarg.res", 5L, "fd.type", "file", "evt.is_io", true);
        rt.captureEnd();
        assertThat(out()).isEqualTo("""
                Bytes               Proto               Conn               \s
                --------------------------------------------------------------------------------
                2.64KB              tcp                 10.0.0.1:5000->10.0.0.2:80
                92B                 udp                 10.0.0.1:53000->8.8.8.8:53
                """);
    }

    @Test
    void helperFormattingMatchesSysdigRules() throws Exception {
        write("fmt", """
                description = "d"; short_description = "s"; category = "T"; args = {}
                require "common"
                function on_init()
                  print(format_bytes(1024), format_bytes(1025), format_bytes(3 * 1024 * 1024 + 1), format_bytes(12))
                  print(format_time_interval(21345), format_time_interval(3071), format_time_interval(37123456),
                        format_time_interval(1234567), format_time_interval(2500000000), format_time_interval(512))
                  print("[" .. extend_string("abc", 6) .. "]", "[" .. extend_string("abcdef", 4) .. "]", "[" .. extend_string("x", 0) .. "]")
                  print(string.format("%-5.2s|%5d|%05.1f|%x|%u|%3s|%-13.13s|", "abc", -42, 3.14159, 255, 7.9, "ab", "0123456789abcdefg"))
                  print(1/3, 2^53, 1e15, 0.1, -0.5, 100)
                  print(("GET /index HTTP/1.1"):match("^(%u+) (%g+)"))
                  local t = {1, 2, 3}; table.insert(t, 0, 0); print(t[0], t[1], t[4])
                  return true
                end
                """);
        ChiselRuntime rt = rt();
        rt.add("fmt");
        rt.init();
        assertThat(out()).isEqualTo("""
                1024B\t1.00KB\t3.00M\t12B
                21us\t3.07us\t37ms\t1.23ms\t2.50s\t512ns
                [abc   ]\t[abc ]\t[]
                ab   |  -42|003.1|ff|7| ab|0123456789abc|
                0.33333333333333\t9.007199254741e+15\t1e+15\t0.1\t-0.5\t100
                GET\t/index
                0\tnil\t3
                """);
    }

    @Test
    void formatterPrintsAfterOnEventReturnsTrue() throws Exception {
        write("f", """
                description = "d"; short_description = "s"; category = "T"; args = {}
                function on_init() chisel.set_event_formatter("%evt.type %proc.name") chisel.set_filter("proc.name=cat") return true end
                function on_event() return evt.get_type() ~= "skip" end
                """);
        ChiselRuntime rt = rt();
        rt.add("f");
        rt.init();
        host.feed(rt, 1, "evt.type", "open", "proc.name", "cat");
        host.feed(rt, 2, "evt.type", "skip", "proc.name", "cat");
        host.feed(rt, 3, "evt.type", "open", "proc.name", "dog");
        assertThat(out()).isEqualTo("open cat\n");
    }

    @Test
    void endCaptureStopsTheRun() throws Exception {
        write("stop", """
                description = "d"; short_description = "s"; category = "T"; args = {}
                function on_event() if evt.get_num() == 2 then sysdig.end_capture() end return true end
                """);
        ChiselRuntime rt = rt();
        rt.add("stop");
        rt.init();
        assertThat(host.feed(rt, 1)).isTrue();
        assertThat(host.feed(rt, 2)).isFalse();
    }

    @Test
    void everyBuiltinChiselLoadsAndDescribesItself() {
        ChiselLocator loc = new ChiselLocator(List.of(), true);
        List<ChiselInfo> all = ChiselRuntime.describeAll(loc);
        assertThat(all).extracting(ChiselInfo::name).contains("topconns", "echo_fds", "spy_users", "httplog",
                "table_generator", "iobytes", "fdcount_by");
        String list = ChiselListing.list(all, true);
        assertThat(list).contains("\nCategory: Net\n-------------\n").doesNotContain("table_generator");
    }
}
