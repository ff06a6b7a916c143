package io.jdig.field;

import io.jdig.state.Containers;
import io.jdig.state.ThreadInfo;

import static io.jdig.event.ParamType.*;
import static io.jdig.event.PrintFormat.*;
import static io.jdig.field.FieldRegistry.add;

/** The container.* fields. */
final class ContainerFields {
    private ContainerFields() {
    }

    static void register() {
        add("container.id", CHARBUF, NA, "container id, or 'host' for processes outside containers", (c, v) -> {
            ThreadInfo t = c.thread();
            if (t == null) {
                return false;
            }
            v.str.append(t.containerId.isEmpty() ? "host" : t.containerId);
            return true;
        });
        add("container.name", CHARBUF, NA, "container name, or 'host' for processes outside containers", (c, v) -> {
            ThreadInfo t = c.thread();
            if (t == null) {
                return false;
            }
            if (t.containerId.isEmpty()) {
                v.str.append("host");
                return true;
            }
            Containers.Info i = c.state.containers().get(t.containerId);
            if (i == null) {
                return false;
            }
            v.str.append(i.name());
            return true;
        });
    }
}
