package io.jdig.filter;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Neighbouring checks of one field under an {@code or} share one extraction of the field: on real traces such a
 * filter must accept exactly the events that the same checks written so that they cannot be merged accept
 * ({@code a or b} as {@code not (not a and not b)}).
 */
class FilterOrOfOneFieldTest {
    private static final String[] TRACES = {"falco__psp_run_as_user_0_container", "libs__curl_google",
            "falco__syscall", "libs__sample", "falco__connect_localhost", "falco__cat_write",
            "libs__single_ipv6_conn", "falco__open-multiple-files"};

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "fd.type=ipv4 or fd.type=ipv6 | not (not fd.type=ipv4 and not fd.type=ipv6)",
            "fd.type=file or fd.type=directory or fd.type=ipv4 | not (not fd.type=file and not fd.type=directory and not fd.type=ipv4)",
            "fd.num=3 or fd.num>100 or proc.name=bash | not (not fd.num=3 and not fd.num>100) or proc.name=bash",
            "fd.name contains /etc or fd.name startswith /usr | not (not fd.name contains /etc and not fd.name startswith /usr)",
            "evt.type=read or evt.type=write or fd.l4proto=udp | not (not evt.type=read and not evt.type=write) or fd.l4proto=udp",
            "fd.sip=127.0.0.1 or fd.sip=10.0.0.1 or fd.sport=80 | not (not fd.sip=127.0.0.1 and not fd.sip=10.0.0.1) or fd.sport=80",
            "evt.res=SUCCESS or evt.res!=SUCCESS | not (not evt.res=SUCCESS and not evt.res!=SUCCESS)",
    })
    void acceptsWhatTheUnmergedChecksAccept(String merged, String apart) {
        EventPredicate a = FilterCompiler.compile(merged, false);
        EventPredicate b = FilterCompiler.compile(apart, false);
        SameVerdicts.Counts n = SameVerdicts.check(merged, a, b, TRACES);
        assertThat(n.total()).isGreaterThan(5_000);
        assertThat(n.accepted()).as(merged).isPositive().isLessThan(n.total());
    }
}
