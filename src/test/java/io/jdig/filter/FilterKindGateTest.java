package io.jdig.filter;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A compiled filter turns away kinds of event it can never accept before looking at them (fd fields on events
 * without an fd, evt.type, syscall.type): on real traces it must accept exactly the events the filter accepts when
 * each one is looked at, negations, generic events and switches included.
 */
class FilterKindGateTest {
    private static final String[] TRACES = {"falco__psp_run_as_user_0_container", "libs__curl_google",
            "falco__syscall", "libs__sample", "falco__connect_localhost", "falco__cat_write", "falco__ping_sendto",
            "libs__single_ipv6_conn", "falco__open-multiple-files"};

    @ParameterizedTest
    @ValueSource(strings = {
            "(fd.type=ipv4 or fd.type=ipv6) and fd.name!=''",
            "(fd.type=file or fd.type=directory) and fd.name!=''",
            "not fd.type=ipv4",
            "not (fd.name exists)",
            "fd.num>=0 or proc.name=bash",
            "evt.type!=switch",
            "evt.type=switch",
            "not evt.type in (read, write, switch)",
            "evt.type=open or evt.type=openat or fd.name contains /etc",
            "syscall.type exists",
            "not syscall.type exists",
            "evt.type=mprotect or evt.type=syscall",
            "fd.sport exists or fd.directory=/etc",
            "fd.ip=127.0.0.1 or not fd.port=80",
    })
    void acceptsTheSameEventsAsWithoutTheGate(String filter) {
        EventPredicate gated = FilterCompiler.compile(filter, true);
        EventPredicate plain = FilterCompiler.compile(filter, false);
        SameVerdicts.Counts n = SameVerdicts.check(filter, gated, plain, TRACES);
        assertThat(n.total()).isGreaterThan(5_000);
        // the filters are meant to split the events: each accepts some and refuses some
        assertThat(n.accepted()).as(filter).isPositive().isLessThan(n.total());
    }
}
