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
        assertThat(SysdigArgs.normalise(new String[] {"-pkk"})).containsExactly("-pkk");
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
