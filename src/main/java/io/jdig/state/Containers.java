package io.jdig.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Containers known to the capture (from container events) and container ids derived from cgroups. */
public final class Containers {
    /**
     * What a container event told us about one container. {@code ip4} is its "ip" as an IPv4 address in network
     * order read as a little-endian int (as fd addresses are held), 0 when the event gives none; {@code details}
     * what its description holds beyond that. Both are read once, when the event arrives.
     */
    public record Info(String id, String name, String image, String type, boolean privileged, String json, int ip4,
                       Details details) {
    }

    /** What a container's description holds beyond the basics: image identity and mounts. */
    public record Details(String imageId, String repo, String tag, String digest, List<String[]> mounts) {
    }

    private final Map<String, Info> byId = new HashMap<>();

    public Info get(String id) {
        return byId.get(id);
    }

    public Map<String, Info> all() {
        return byId;
    }

    public void clear() {
        byId.clear();
    }

    /** The 12-character container id found at the end of a cgroup path, or "" for the host. */
    public static String idFromCgroups(List<String> cgroups) {
        for (String cg : cgroups) {
            int eq = cg.indexOf('=');
            String path = eq >= 0 ? cg.substring(eq + 1) : cg;
            String id = idFromPath(path);
            if (id != null) {
                return id;
            }
        }
        return "";
    }

    /** The prefixes and suffixes a container id can have in the last part of a cgroup path. */
    private static final String[][] FORMS = {{"", ""}, {"docker-", ".scope"}, {"crio-", ""},
            {"cri-containerd-", ".scope"}, {"crio-", ".scope"}, {"libpod-", ".scope"}};

    private static String idFromPath(String path) {
        int slash = path.lastIndexOf('/');
        if (path.length() - slash - 1 < 64 && (path.length() < 80 || !path.contains(":cri-containerd:"))) {
            return null; // too short to hold an id: most cgroups of the host itself
        }
        String last = slash >= 0 ? path.substring(slash + 1) : path;
        for (String[] f : FORMS) {
            if (last.startsWith(f[0]) && last.endsWith(f[1])) {
                String mid = last.substring(f[0].length(), last.length() - f[1].length());
                if (mid.length() == 64 && isHex(mid)) {
                    return mid.substring(0, 12);
                }
            }
        }
        int cc = path.lastIndexOf(":cri-containerd:");
        if (cc >= 0) {
            String mid = path.substring(cc + 16);
            if (mid.length() == 64 && isHex(mid)) {
                return mid.substring(0, 12);
            }
        }
        return null;
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** Records the container a container JSON event describes. */
    public String parseJsonEvent(String json) {
        if (json == null) {
            return null;
        }
        String id = jsonString(json, "id");
        if (id == null) {
            return null;
        }
        String name = jsonString(json, "name");
        String image = jsonString(json, "image");
        String type = jsonRaw(json, "type");
        String priv = jsonRaw(json, "privileged");
        byId.put(id, new Info(id, name == null ? "" : name, image == null ? "" : image,
                containerType(type), "true".equals(priv), json, ipv4(jsonString(json, "ip")), details(json)));
        return id;
    }

    private static Details details(String j) {
        return new Details(str(j, "imageid"), str(j, "imagerepo"), str(j, "imagetag"), str(j, "imagedigest"),
                mounts(j));
    }

    private static String str(String json, String key) {
        String s = json.isEmpty() ? null : jsonString(json, key);
        return s == null ? "" : s;
    }

    private static List<String[]> mounts(String json) {
        List<String[]> out = new ArrayList<>();
        int i = json.indexOf("\"Mounts\"");
        if (i < 0) {
            return out;
        }
        int open = json.indexOf('[', i);
        if (open < 0) {
            return out;
        }
        int p = open + 1;
        while (true) {
            int s = json.indexOf('{', p);
            int close = json.indexOf(']', p);
            if (s < 0 || (close >= 0 && close < s)) {
                break;
            }
            int e = json.indexOf('}', s);
            if (e < 0) {
                break;
            }
            String obj = json.substring(s, e + 1);
            String rw = obj.replaceAll("\\s", "");
            out.add(new String[] {str(obj, "Source"), str(obj, "Destination"), str(obj, "Mode"),
                    rw.contains("\"RW\":true") ? "true" : "false", str(obj, "Propagation")});
            p = e + 1;
        }
        return out;
    }

    /** A dotted IPv4 address as fd addresses hold it (network order read little-endian), or 0. */
    private static int ipv4(String s) {
        if (s == null) {
            return 0;
        }
        String[] parts = s.split("\\.");
        if (parts.length != 4) {
            return 0;
        }
        try {
            int a = 0;
            for (int k = 0; k < 4; k++) {
                a |= (Integer.parseInt(parts[k]) & 0xFF) << (8 * k);
            }
            return a;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String containerType(String code) {
        if (code == null) {
            return "";
        }
        return switch (code.trim()) {
            case "0" -> "docker";
            case "1" -> "lxc";
            case "2" -> "libvirt-lxc";
            case "3" -> "mesos";
            case "4" -> "rkt";
            case "5" -> "cri";
            case "6" -> "containerd";
            case "7" -> "cri-o";
            case "8" -> "bpm";
            default -> code.trim();
        };
    }

    /** Value of the first string member with that key (a small scanner, enough for container events). */
    public static String jsonString(String json, String key) {
        String k = "\"" + key + "\"";
        int i = json.indexOf(k);
        while (i >= 0) {
            int p = i + k.length();
            while (p < json.length() && Character.isWhitespace(json.charAt(p))) {
                p++;
            }
            if (p < json.length() && json.charAt(p) == ':') {
                p++;
                while (p < json.length() && Character.isWhitespace(json.charAt(p))) {
                    p++;
                }
                if (p < json.length() && json.charAt(p) == '"') {
                    int end = json.indexOf('"', p + 1);
                    if (end > 0) {
                        String value = json.substring(p + 1, end);
                        if (value.indexOf('\\') < 0) {
                            return value; // no escapes: the value as it stands
                        }
                    }
                    StringBuilder sb = new StringBuilder();
                    for (p++; p < json.length(); p++) {
                        char c = json.charAt(p);
                        if (c == '\\' && p + 1 < json.length()) {
                            char n = json.charAt(++p);
                            sb.append(switch (n) {
                                case 'n' -> '\n';
                                case 't' -> '\t';
                                case 'r' -> '\r';
                                default -> n;
                            });
                        } else if (c == '"') {
                            return sb.toString();
                        } else {
                            sb.append(c);
                        }
                    }
                }
                return null;
            }
            i = json.indexOf(k, i + 1);
        }
        return null;
    }

    static String jsonRaw(String json, String key) {
        String k = "\"" + key + "\"";
        int i = json.indexOf(k);
        if (i < 0) {
            return null;
        }
        int p = i + k.length();
        while (p < json.length() && (Character.isWhitespace(json.charAt(p)) || json.charAt(p) == ':')) {
            p++;
        }
        int s = p;
        while (p < json.length() && ",}] \n".indexOf(json.charAt(p)) < 0) {
            p++;
        }
        return json.substring(s, p);
    }
}
