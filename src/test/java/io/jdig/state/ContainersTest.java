package io.jdig.state;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Container events and ids, as sysdig reads them. */
class ContainersTest {
    private static final String JSON = "{\"container\":{\"id\":\"3ad7b26ded6d\",\"image\":\"nginx:latest\","
            + "\"name\" : \"web \\\"front\\\"\\n1\",\"type\":0,\"privileged\":false,\"labels\":{\"a\":\"b\\\\c\"}}}";

    @Test
    void stringMembersAreReadWithAndWithoutEscapes() {
        assertThat(Containers.jsonString(JSON, "id")).isEqualTo("3ad7b26ded6d");
        assertThat(Containers.jsonString(JSON, "image")).isEqualTo("nginx:latest");
        assertThat(Containers.jsonString(JSON, "name")).isEqualTo("web \"front\"\n1");
        assertThat(Containers.jsonString(JSON, "a")).isEqualTo("b\\c");
        assertThat(Containers.jsonString(JSON, "missing")).isNull();
    }

    @Test
    void aContainerEventRecordsItsContainer() {
        Containers c = new Containers();
        assertThat(c.parseJsonEvent(JSON)).isEqualTo("3ad7b26ded6d");
        Containers.Info i = c.get("3ad7b26ded6d");
        assertThat(i.name()).isEqualTo("web \"front\"\n1");
        assertThat(i.image()).isEqualTo("nginx:latest");
        assertThat(i.type()).isEqualTo("docker");
        assertThat(i.privileged()).isFalse();
    }

    @Test
    void containerIdsComeFromTheCgroupPathsTheRuntimesUse() {
        String hex = "3ad7b26ded6d0123456789abcdef0123456789abcdef0123456789abcdef0123";
        assertThat(Containers.idFromCgroups(List.of("cpu=/docker/" + hex))).isEqualTo("3ad7b26ded6d");
        assertThat(Containers.idFromCgroups(List.of("0::/system.slice/docker-" + hex + ".scope")))
                .isEqualTo("3ad7b26ded6d");
        assertThat(Containers.idFromCgroups(List.of("cpu=/kubepods/besteffort/pod1:cri-containerd:" + hex)))
                .isEqualTo("3ad7b26ded6d");
        assertThat(Containers.idFromCgroups(List.of("cpu=/user.slice/session-1.scope", "memory=/"))).isEmpty();
        assertThat(Containers.idFromCgroups(List.of("cpu=/docker/" + hex.substring(1)))).isEmpty();
    }
}
