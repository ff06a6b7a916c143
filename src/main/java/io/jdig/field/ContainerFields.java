package io.jdig.field;

import io.jdig.state.Containers;
import io.jdig.state.ThreadInfo;

import java.util.List;

import static io.jdig.event.ParamType.*;
import static io.jdig.event.PrintFormat.*;
import static io.jdig.field.FieldRegistry.add;

/** The container.* fields: the container the thread runs in ("host" when none). */
final class ContainerFields {
    private ContainerFields() {
    }

    interface InfoExtractor {
        boolean extract(EventContext c, Containers.Info i, FieldValue v);
    }

    /** A field that needs the thread to be in a known container. */
    static Extractor ci(InfoExtractor x) {
        return (c, v) -> {
            ThreadInfo t = c.thread();
            if (t == null || t.containerId.isEmpty()) {
                return false;
            }
            Containers.Info i = c.state.containers().get(t.containerId);
            return i != null && x.extract(c, i, v);
        };
    }

    static boolean nonEmpty(FieldValue v, String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        v.str.append(s);
        return true;
    }

    static void register() {
        FieldRegistry.beginClass("container", "", "The container the event happens in. Outside containers, the id "
                + "and the name are both 'host'.");
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
            return i != null && nonEmpty(v, i.name());
        });
        add("container.image", CHARBUF, NA, "name of the container's image, e.g. falcosecurity/falco:latest",
                ci((c, i, v) -> nonEmpty(v, i.image())));
        add("container.image.id", CHARBUF, NA, "id of the container's image, e.g. 6f7e2741b66b",
                ci((c, i, v) -> nonEmpty(v, i.details().imageId())));
        add("container.type", CHARBUF, NA, "kind of container: docker, cri, containerd, cri-o, lxc, rkt...; 'host' "
                + "outside containers", (c, v) -> {
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
            v.str.append(i.type() == null ? "" : i.type());
            return true;
        });
        add("container.privileged", BOOL, NA, "true for containers that run privileged (docker-like containers only)",
                ci((c, i, v) -> {
                    String type = i.type();
                    if (!("docker".equals(type) || "cri".equals(type) || "containerd".equals(type)
                            || "cri-o".equals(type))) {
                        return false;
                    }
                    v.num = i.privileged() ? 1 : 0;
                    return true;
                }));
        add("container.mounts", CHARBUF, NA, "the container's mounts, comma separated, each as "
                + "source:dest:mode:rdwr:propagation", ci((c, i, v) -> {
            List<String[]> ms = i.details().mounts();
            for (int k = 0; k < ms.size(); k++) {
                if (k > 0) {
                    v.str.append((byte) ',');
                }
                appendMount(v, ms.get(k));
            }
            return true;
        }));
        mount("container.mount", "one mount, by number (container.mount[0]) or by source path, possibly a glob "
                + "(container.mount[/usr/local/*]), as source:dest:mode:rdwr:propagation", -1);
        mount("container.mount.source", "source of one mount, by number or by destination path (a glob may be used)",
                0);
        mount("container.mount.dest", "destination of one mount, by number or by source path", 1);
        mount("container.mount.mode", "mode of one mount, by number or by source path", 2);
        mount("container.mount.rdwr", "read/write flag of one mount, by number or by source path", 3);
        mount("container.mount.propagation", "propagation of one mount, by number or by source path", 4);
        add("container.image.repository", CHARBUF, NA, "repository of the container's image, e.g. falcosecurity/falco",
                ci((c, i, v) -> nonEmpty(v, i.details().repo())));
        add("container.image.tag", CHARBUF, NA, "tag of the container's image, e.g. latest",
                ci((c, i, v) -> nonEmpty(v, i.details().tag())));
        add("container.image.digest", CHARBUF, NA, "registry digest of the container's image, e.g. sha256:...",
                ci((c, i, v) -> nonEmpty(v, i.details().digest())));
        add("container.healthcheck", CHARBUF, NA, "the container's health check command line; NONE when it has none",
                ci((c, i, v) -> nonEmpty(v, "NONE")));
        add("container.liveness_probe", CHARBUF, NA, "the container's liveness probe command line; NONE when it has "
                + "none", ci((c, i, v) -> nonEmpty(v, "NONE")));
        add("container.readiness_probe", CHARBUF, NA, "the container's readiness probe command line; NONE when it has "
                + "none", ci((c, i, v) -> nonEmpty(v, "NONE")));
    }

    /** A small fnmatch for mount paths: '*' and '?' wildcards, everything else literal. */
    static boolean glob(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = si; k <= s.length(); k++) {
                    if (glob(p, pi + 1, s, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length() || (c != '?' && c != s.charAt(si))) {
                return false;
            }
            pi++;
            si++;
        }
        return si == s.length();
    }

    static void appendMount(FieldValue v, String[] m) {
        v.str.append(m[0]).append((byte) ':').append(m[1]).append((byte) ':').append(m[2]).append((byte) ':')
                .append(m[3]).append((byte) ':').append(m[4]);
    }

    /** part: -1 the whole mount, else the index of the part (source, dest, mode, rdwr, propagation). */
    private static void mount(String name, String desc, int part) {
        add(new FieldDef(name, CHARBUF, NA, FieldDef.REQUIRES_ARG, desc, FieldDef.ArgSyntax.INDEX, (d, a) -> {
            if (a == null || a.isEmpty()) {
                throw new IllegalArgumentException(name + " needs an argument in brackets, e.g. " + name + "[0]");
            }
            int idx;
            try {
                idx = Integer.parseInt(a.trim());
            } catch (NumberFormatException e) {
                idx = -1;
            }
            int index = idx;
            return new Field(d, a, ci((c, i, v) -> {
                List<String[]> ms = i.details().mounts();
                String[] m = null;
                if (index >= 0) {
                    m = index < ms.size() ? ms.get(index) : null;
                } else {
                    int key = part == 0 ? 1 : 0;
                    for (String[] x : ms) {
                        if (glob(a, 0, x[key], 0)) {
                            m = x;
                            break;
                        }
                    }
                }
                if (m == null) {
                    return false;
                }
                if (part < 0) {
                    appendMount(v, m);
                } else {
                    v.str.append(m[part]);
                }
                return true;
            }));
        }));
    }
}
