package io.jdig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdig.Prerequisites;
import io.jdig.conformance.Shared;

import java.util.List;

import org.junit.jupiter.api.Test;

/** sysdig's named formats: -pc, -pk, -pm in their spellings, and their lines equal to sysdig's. */
class PrintPresetTest {
    private static final String K8S = "*%evt.num %evt.outputtime %evt.cpu %k8s.pod.name (%container.id) %proc.name "
            + "(%thread.tid:%thread.vtid) %evt.dir %evt.type %evt.info";

    @Test
    void everySpellingBecomesTheFormatAndContainerData() {
        for (List<String> spelling : List.of(List.of("-pk"), List.of("-pkubernetes"), List.of("-p", "k"),
                List.of("--print=kubernetes"), List.of("--print", "k"))) {
            List<String> args = new java.util.ArrayList<>(List.of("-r", "x.scap"));
            args.addAll(spelling);
            assertThat(SysdigArgs.normalise(args.toArray(new String[0]))).as("%s", spelling)
                    .containsExactly("-r", "x.scap", "--print-container-data", "-p", K8S);
        }
        assertThat(SysdigArgs.normalise(new String[] {"-pm"})[2]).contains("%mesos.task.name (%container.id)");
        assertThat(SysdigArgs.normalise(new String[] {"-pcontainer"})[2]).contains("%container.name (%container.id)");
        // an ordinary format stays as it is
        assertThat(SysdigArgs.normalise(new String[] {"-p", "%proc.name"})).containsExactly("-p", "%proc.name");
        assertThat(SysdigArgs.normalise(new String[] {"-pkk"})).containsExactly("-p", "kk");
    }

    @Test
    void ppShowsTheFormatInForceThereAndEndsTheCommandLine() {
        String dflt = "*%evt.num %evt.outputtime %evt.cpu %proc.name (%thread.tid) %evt.dir %evt.type %evt.info";
        assertThat(SysdigArgs.normalise(new String[] {"-r", "x.scap", "-pp", "-w", "y", "bad filter ("}, dflt))
                .containsExactly("-r", "x.scap", SysdigArgs.SHOW_FORMAT, dflt);
        // an earlier -p is what -pp shows, as written (escapes not yet read); a later one is never reached
        assertThat(SysdigArgs.normalise(new String[] {"-p", "%proc.name\\n", "--print=p", "-pk"}, dflt))
                .endsWith(SysdigArgs.SHOW_FORMAT, "%proc.name\\n");
        assertThat(SysdigArgs.normalise(new String[] {"-pm", "-p", "p"}, dflt))
                .endsWith(SysdigArgs.SHOW_FORMAT, PrintPreset.MESOS.format());
        // on a terminal the default has sysdig's colours, shown as typed
        assertThat(Jdig.defaultFormatText(true)).startsWith("*%evt.num %evt.outputtime %evt.cpu \\e[01;32m%proc.name")
                .doesNotContain("\u001b");
    }

    @Test
    void ppPrintsWhatSysdigPrints() throws Exception {
        Prerequisites.requireSysdig();
        String trace = Shared.trace("libs__sample").toString();
        for (List<String> args : List.of(List.of("-r", trace, "-pp"), List.of("-pc", "-r", trace, "-pp", "-x"),
                List.of("-p", "%evt.num\\t%proc.name", "-pp"), List.of("-pp", "-r", "/nonexistent.scap"),
                List.of("-pp", "--no-such-option"))) {
            Shared.Run mine = Shared.jdig(args.toArray(new String[0]));
            assertThat(mine.out()).as("%s", args).hasSize(1);
            Shared.assertSame(String.join(" ", args), Shared.sysdig(args), mine, Shared.Expect.LINES);
        }
    }

    @Test
    void theLinesAreSysdigs() throws Exception {
        Prerequisites.requireSysdig();
        for (String trace : List.of("falco__psp_run_as_user_0_container", "libs__sample")) {
            for (String opt : List.of("-pk", "-pm", "-pkubernetes", "-pmesos")) {
                List<String> args = List.of("-r", Shared.trace(trace).toString(), opt);
                Shared.Run mine = Shared.jdig(args.toArray(new String[0]));
                assertThat(mine.out()).noneMatch(l -> l.equals("k") || l.equals("m"));
                Shared.assertSame(trace + " " + opt, Shared.sysdig(args), mine, Shared.Expect.LINES);
            }
        }
    }
}
