package io.jdig.state;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Containers known to the capture (from container events) and container ids derived from cgroups. */
public final class Containers {
    /** What a container event told us about one container. */
    public record Info(String id, String name, String image, String type, boolean privileged, String json) {
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
                containerType(type), "true".equals(priv), json));
        return id;
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
