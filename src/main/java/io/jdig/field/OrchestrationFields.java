package io.jdig.field;

import io.jdig.event.ParamType;
import io.jdig.event.PrintFormat;
import io.jdig.field.FieldDef.ArgSyntax;

import static io.jdig.event.ParamType.*;
import static io.jdig.event.PrintFormat.*;
import static io.jdig.field.FieldRegistry.add;

/**
 * Fields of sysdig 0.29 whose data never reaches jdig from trace files: Kubernetes and Mesos metadata (fetched
 * from their API servers) and tracer spans. They are known, so that filters and formats using them work as in
 * sysdig, and have no value.
 */
final class OrchestrationFields {
    private OrchestrationFields() {
    }

    private static void none(String name, ParamType type, PrintFormat fmt, int flags, ArgSyntax syntax, String desc) {
        add(new FieldDef(name, type, fmt, flags, desc, syntax, (d, a) -> new Field(d, a, (c, v) -> false)));
    }

    static void register() {
        FieldRegistry.beginClass("k8s", "", "Kubernetes context: only with metadata from a Kubernetes API server, which trace files do not carry.");
        none("k8s.pod.name", CHARBUF, NA, 0, ArgSyntax.NONE,
                "name of the Kubernetes pod");
        none("k8s.pod.id", CHARBUF, NA, 0, ArgSyntax.NONE,
                "id of the Kubernetes pod");
        none("k8s.pod.label", CHARBUF, NA, FieldDef.REQUIRES_ARG, ArgSyntax.NAME,
                "one label of the Kubernetes pod, e.g. k8s.pod.label.foo");
        none("k8s.pod.labels", CHARBUF, NA, 0, ArgSyntax.NONE,
                "all labels of the Kubernetes pod as key:value pairs separated by commas");
        none("k8s.rc.name", CHARBUF, NA, 0, ArgSyntax.NONE,
                "name of the Kubernetes replication controller");
        none("k8s.rc.id", CHARBUF, NA, 0, ArgSyntax.NONE,
                "id of the Kubernetes replication controller");
        none("k8s.rc.label", CHARBUF, NA, FieldDef.REQUIRES_ARG, ArgSyntax.NAME,
                "one label of the Kubernetes replication controller, e.g. k8s.rc.label.foo");
        none("k8s.rc.labels", CHARBUF, NA, 0, ArgSyntax.NONE,
                "all labels of the Kubernetes replication controller as key:value pairs separated by commas");
        none("k8s.svc.name", CHARBUF, NA, 0, ArgSyntax.NONE,
                "name of the Kubernetes service");
        none("k8s.svc.id", CHARBUF, NA, 0, ArgSyntax.NONE,
                "id of the Kubernetes service");
        none("k8s.svc.label", CHARBUF, NA, FieldDef.REQUIRES_ARG, ArgSyntax.NAME,
                "one label of the Kubernetes service, e.g. k8s.svc.label.foo");
        none("k8s.svc.labels", CHARBUF, NA, 0, ArgSyntax.NONE,
                "all labels of the Kubernetes service as key:value pairs separated by commas");
        none("k8s.ns.name", CHARBUF, NA, 0, ArgSyntax.NONE,
                "name of the Kubernetes namespace");
        none("k8s.ns.id", CHARBUF, NA, 0, ArgSyntax.NONE,
                "id of the Kubernetes namespace");
        none("k8s.ns.label", CHARBUF, NA, FieldDef.REQUIRES_ARG, ArgSyntax.NAME,
                "one label of the Kubernetes namespace, e.g. k8s.ns.label.foo");
        none("k8s.ns.labels", CHARBUF, NA, 0, ArgSyntax.NONE,
                "all labels of the Kubernetes namespace as key:value pairs separated by commas");
        none("k8s.rs.name", CHARBUF, NA, 0, ArgSyntax.NONE,
                "name of the Kubernetes replica set");
        none("k8s.rs.id", CHARBUF, NA, 0, ArgSyntax.NONE,
                "id of the Kubernetes replica set");
        none("k8s.rs.label", CHARBUF, NA, FieldDef.REQUIRES_ARG, ArgSyntax.NAME,
                "one label of the Kubernetes replica set, e.g. k8s.rs.label.foo");
        none("k8s.rs.labels", CHARBUF, NA, 0, ArgSyntax.NONE,
                "all labels of the Kubernetes replica set as key:value pairs separated by commas");
        none("k8s.deployment.name", CHARBUF, NA, 0, ArgSyntax.NONE,
                "name of the Kubernetes deployment");
        none("k8s.deployment.id", CHARBUF, NA, 0, ArgSyntax.NONE,
                "id of the Kubernetes deployment");
        none("k8s.deployment.label", CHARBUF, NA, FieldDef.REQUIRES_ARG, ArgSyntax.NAME,
                "one label of the Kubernetes deployment, e.g. k8s.deployment.label.foo");
        none("k8s.deployment.labels", CHARBUF, NA, 0, ArgSyntax.NONE,
                "all labels of the Kubernetes deployment as key:value pairs separated by commas");
        FieldRegistry.beginClass("mesos", "", "Mesos and Marathon context: only with metadata from a Mesos master.");
        none("mesos.task.name", CHARBUF, NA, 0, ArgSyntax.NONE,
                "name of the Mesos task");
        none("mesos.task.id", CHARBUF, NA, 0, ArgSyntax.NONE,
                "id of the Mesos task");
        none("mesos.task.label", CHARBUF, NA, FieldDef.REQUIRES_ARG, ArgSyntax.NAME,
                "one label of the Mesos task, e.g. mesos.task.label.foo");
        none("mesos.task.labels", CHARBUF, NA, 0, ArgSyntax.NONE,
                "all labels of the Mesos task as key:value pairs separated by commas");
        none("mesos.framework.name", CHARBUF, NA, 0, ArgSyntax.NONE,
                "name of the Mesos framework");
        none("mesos.framework.id", CHARBUF, NA, 0, ArgSyntax.NONE,
                "id of the Mesos framework");
        none("marathon.app.name", CHARBUF, NA, 0, ArgSyntax.NONE,
                "name of the Marathon app");
        none("marathon.app.id", CHARBUF, NA, 0, ArgSyntax.NONE,
                "id of the Marathon app");
        none("marathon.app.label", CHARBUF, NA, FieldDef.REQUIRES_ARG, ArgSyntax.NAME,
                "one label of the Marathon app, e.g. marathon.app.label.foo");
        none("marathon.app.labels", CHARBUF, NA, 0, ArgSyntax.NONE,
                "all labels of the Marathon app as key:value pairs separated by commas");
        none("marathon.group.name", CHARBUF, NA, 0, ArgSyntax.NONE,
                "name of the Marathon group");
        none("marathon.group.id", CHARBUF, NA, 0, ArgSyntax.NONE,
                "id of the Marathon group");
        FieldRegistry.beginClass("span", "", "Distributed tracing spans, from tracer events written by instrumented programs.");
        none("span.id", INT64, ID, 0, ArgSyntax.NONE,
                "id of the tracer span, shared by its enter and exit events");
        none("span.time", CHARBUF, NA, 0, ArgSyntax.NONE,
                "time of the span enter event as a time string with nanoseconds");
        none("span.ntags", UINT32, DEC, 0, ArgSyntax.NONE,
                "how many tags the span has");
        none("span.nargs", UINT32, DEC, 0, ArgSyntax.NONE,
                "how many arguments the span has");
        none("span.tags", CHARBUF, NA, 0, ArgSyntax.NONE,
                "the span tags joined by dots");
        none("span.tag", CHARBUF, NA, FieldDef.REQUIRES_ARG, ArgSyntax.INDEX,
                "one span tag by position, e.g. span.tag[1]; negative positions count from the end");
        none("span.args", CHARBUF, NA, 0, ArgSyntax.NONE,
                "the span arguments separated by commas");
        none("span.arg", CHARBUF, NA, FieldDef.REQUIRES_ARG, ArgSyntax.NAME,
                "one span argument by name (span.arg.x) or position (span.arg[1])");
        none("span.enterargs", CHARBUF, NA, 0, ArgSyntax.NONE,
                "the arguments of the span enter event");
        none("span.enterarg", CHARBUF, NA, FieldDef.REQUIRES_ARG, ArgSyntax.NAME,
                "one argument of the span enter event, by name or position");
        none("span.duration", RELTIME, DEC, 0, ArgSyntax.NONE,
                "nanoseconds between the span enter and exit events");
        none("span.duration.quantized", UINT64, DEC, FieldDef.TABLE_ONLY, ArgSyntax.NONE,
                "base-10 logarithm of the span duration");
        none("span.duration.human", CHARBUF, NA, 0, ArgSyntax.NONE,
                "span duration as a readable string such as 10.3ms");
        none("span.duration.fortag", RELTIME, DEC, FieldDef.REQUIRES_ARG | FieldDef.TABLE_ONLY, ArgSyntax.INDEX,
                "span duration, for the given tag");
        none("span.count", UINT64, DEC, FieldDef.TABLE_ONLY, ArgSyntax.NONE,
                "1 for span exit events");
        none("span.count.fortag", UINT64, DEC, FieldDef.REQUIRES_ARG | FieldDef.TABLE_ONLY, ArgSyntax.INDEX,
                "1 for span exit events of the given tag");
        none("span.childcount.fortag", UINT64, DEC, FieldDef.REQUIRES_ARG | FieldDef.TABLE_ONLY, ArgSyntax.INDEX,
                "1 for spans below the given tag");
        none("span.idtag", CHARBUF, NA, FieldDef.REQUIRES_ARG | FieldDef.TABLE_ONLY, ArgSyntax.INDEX,
                "span id followed by the tag");
        none("span.rawtime", CHARBUF, NA, FieldDef.TABLE_ONLY, ArgSyntax.NONE,
                "raw time of the span enter event");
        none("span.rawparenttime", CHARBUF, NA, FieldDef.TABLE_ONLY, ArgSyntax.NONE,
                "raw time of the parent span enter event");
        FieldRegistry.beginClass("evtin", "", "Events that happen inside tracing spans.");
        none("evtin.span.id", INT64, ID, 0, ArgSyntax.NONE,
                "matches events that happen inside the enclosing span of the same thread, by its id");
        none("evtin.span.ntags", UINT32, DEC, 0, ArgSyntax.NONE,
                "matches events that happen inside the enclosing span of the same thread, by its tag count");
        none("evtin.span.nargs", UINT32, DEC, 0, ArgSyntax.NONE,
                "matches events that happen inside the enclosing span of the same thread, by its argument count");
        none("evtin.span.tags", CHARBUF, NA, 0, ArgSyntax.NONE,
                "matches events that happen inside the enclosing span of the same thread, by its tags");
        none("evtin.span.tag", CHARBUF, NA, FieldDef.REQUIRES_ARG, ArgSyntax.INDEX,
                "matches events that happen inside the enclosing span of the same thread, by its tag (by position)");
        none("evtin.span.args", CHARBUF, NA, 0, ArgSyntax.NONE,
                "matches events that happen inside the enclosing span of the same thread, by its arguments");
        none("evtin.span.arg", CHARBUF, NA, FieldDef.REQUIRES_ARG, ArgSyntax.NAME,
                "matches events that happen inside the enclosing span of the same thread, by its argument (by name or position)");
        none("evtin.span.p.id", INT64, ID, 0, ArgSyntax.NONE,
                "matches events that happen inside the parent span, by its id");
        none("evtin.span.p.ntags", UINT32, DEC, 0, ArgSyntax.NONE,
                "matches events that happen inside the parent span, by its tag count");
        none("evtin.span.p.nargs", UINT32, DEC, 0, ArgSyntax.NONE,
                "matches events that happen inside the parent span, by its argument count");
        none("evtin.span.p.tags", CHARBUF, NA, 0, ArgSyntax.NONE,
                "matches events that happen inside the parent span, by its tags");
        none("evtin.span.p.tag", CHARBUF, NA, FieldDef.REQUIRES_ARG, ArgSyntax.INDEX,
                "matches events that happen inside the parent span, by its tag (by position)");
        none("evtin.span.p.args", CHARBUF, NA, 0, ArgSyntax.NONE,
                "matches events that happen inside the parent span, by its arguments");
        none("evtin.span.p.arg", CHARBUF, NA, FieldDef.REQUIRES_ARG, ArgSyntax.NAME,
                "matches events that happen inside the parent span, by its argument (by name or position)");
        none("evtin.span.s.id", INT64, ID, 0, ArgSyntax.NONE,
                "matches events that happen inside any span above, by its id");
        none("evtin.span.s.ntags", UINT32, DEC, 0, ArgSyntax.NONE,
                "matches events that happen inside any span above, by its tag count");
        none("evtin.span.s.nargs", UINT32, DEC, 0, ArgSyntax.NONE,
                "matches events that happen inside any span above, by its argument count");
        none("evtin.span.s.tags", CHARBUF, NA, 0, ArgSyntax.NONE,
                "matches events that happen inside any span above, by its tags");
        none("evtin.span.s.tag", CHARBUF, NA, FieldDef.REQUIRES_ARG, ArgSyntax.INDEX,
                "matches events that happen inside any span above, by its tag (by position)");
        none("evtin.span.s.args", CHARBUF, NA, 0, ArgSyntax.NONE,
                "matches events that happen inside any span above, by its arguments");
        none("evtin.span.s.arg", CHARBUF, NA, FieldDef.REQUIRES_ARG, ArgSyntax.NAME,
                "matches events that happen inside any span above, by its argument (by name or position)");
        none("evtin.span.m.id", INT64, ID, 0, ArgSyntax.NONE,
                "matches events that happen inside spans anywhere on the machine, by its id");
        none("evtin.span.m.ntags", UINT32, DEC, 0, ArgSyntax.NONE,
                "matches events that happen inside spans anywhere on the machine, by its tag count");
        none("evtin.span.m.nargs", UINT32, DEC, 0, ArgSyntax.NONE,
                "matches events that happen inside spans anywhere on the machine, by its argument count");
        none("evtin.span.m.tags", CHARBUF, NA, 0, ArgSyntax.NONE,
                "matches events that happen inside spans anywhere on the machine, by its tags");
        none("evtin.span.m.tag", CHARBUF, NA, FieldDef.REQUIRES_ARG, ArgSyntax.INDEX,
                "matches events that happen inside spans anywhere on the machine, by its tag (by position)");
        none("evtin.span.m.args", CHARBUF, NA, 0, ArgSyntax.NONE,
                "matches events that happen inside spans anywhere on the machine, by its arguments");
        none("evtin.span.m.arg", CHARBUF, NA, FieldDef.REQUIRES_ARG, ArgSyntax.NAME,
                "matches events that happen inside spans anywhere on the machine, by its argument (by name or position)");
        FieldRegistry.beginHiddenClass("util");
        add(new FieldDef("util.cnt", UINT64, ID, 0, "a counter that grows by one per evaluation", ArgSyntax.NONE,
                (d, a) -> {
                    long[] n = new long[1];
                    return new Field(d, a, (c, v) -> v.setNum(++n[0]) != null);
                }));
    }
}
