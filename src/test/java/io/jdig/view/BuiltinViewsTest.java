package io.jdig.view;

import io.jdig.chisel.ChiselLocator;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The build's index of the built-in views holds exactly what reading their Lua files gives. */
class BuiltinViewsTest {
    private static Map<String, ViewInfo> readWithLua() {
        ChiselLocator builtin = ChiselLocator.of(List.of(ChiselLocator.BUILTIN));
        Map<String, ViewInfo> m = new LinkedHashMap<>();
        for (ViewLoader.Found f : ViewLoader.readWithLua(builtin, builtin.all())) {
            m.put(f.source().name(), f.view());
        }
        return m;
    }

    @Test
    void theIndexInTheClassesEqualsTheViewsReadWithLua() {
        BuiltinViews.Index index = BuiltinViews.index();
        assertThat(index).as("the build writes the index (process-classes)").isNotNull();
        Map<String, ViewInfo> lua = readWithLua();
        assertThat(lua).hasSizeGreaterThan(40);
        assertThat(index.views()).containsExactlyEntriesOf(lua);
    }

    @Test
    void theListOfBuiltInChiselsIsTheJarsDirectory() {
        assertThat(ChiselLocator.builtinNames()).containsExactlyElementsOf(ChiselLocator.listBuiltinNames())
                .contains("v_procs", "topprocs_net", "jdig_viewkit");
    }

    @Test
    void anIndexReadsBackAsWritten() throws Exception {
        BuiltinViews.Index index = new BuiltinViews.Index(readWithLua());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BuiltinViews.write(out, index);
        BuiltinViews.Index back = BuiltinViews.read(new DataInputStream(new ByteArrayInputStream(out.toByteArray())));
        assertThat(back.views()).containsExactlyEntriesOf(index.views());
        // a damaged index is refused, not half read
        byte[] bad = out.toByteArray();
        bad[2] ^= 1;
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> BuiltinViews.read(new DataInputStream(new ByteArrayInputStream(bad))))
                .isInstanceOf(java.io.IOException.class);
    }
}
