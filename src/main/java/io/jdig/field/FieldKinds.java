package io.jdig.field;

/** Fields the filter compiler treats specially, beyond extracting and comparing one value. */
public final class FieldKinds {
    private FieldKinds() {
    }

    /** evt.around[T]: matches events within D ms of T (written evt.around[T]=D). */
    public interface Around {
        long center();
    }

    /** fd.*ip.name: domain names, which never have a value in trace files. */
    public interface DomainName {
        /** What '!=' answers: true for connected IP sockets, as in sysdig. */
        boolean connectedSocket(EventContext c);
    }
}
