package io.jdig.chisel;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Where chisels are looked up. The standard order ({@link #standard}) is: the name as given (a path, or a file in
 * the working directory), ./chisels/, ~/.chisels/, the --chisel-path directories, the JDIG_CHISEL_PATH
 * directories, the chisels built into the jar ({@value #JAR_DIR}), and last /usr/share/sysdig/chisels/ (sysdig's
 * Lua chisels, for the names jdig does not ship). So jdig's own chisels win over an installed sysdig's unless
 * the user points at sysdig's directory explicitly.
 */
public final class ChiselLocator {
    /** Resource directory of the built-in chisels. */
    public static final String JAR_DIR = "/io/jdig/chisel/chisels/";

    /** A chisel (or Lua module) file found on the path. */
    public record Source(String name, String path, boolean builtin) {
        public InputStream open() throws IOException {
            if (builtin) {
                InputStream in = ChiselLocator.class.getResourceAsStream(path);
                if (in == null) throw new IOException("missing resource " + path);
                return in;
            }
            return new FileInputStream(path);
        }
    }

    /** The entry of {@link #entries()} that stands for the chisels built into the jar. */
    public static final String BUILTIN = "<builtin>";
    private static final String SYSDIG_DIR = "/usr/share/sysdig/chisels/";

    private final List<String> dirs; // directories ending with '/', "" = as given, or BUILTIN

    /** Searches {@code dirs} in order, then (if {@code useBuiltin}) the built-in chisels. */
    public ChiselLocator(List<String> dirs, boolean useBuiltin) {
        List<String> d = new ArrayList<>(dirs);
        if (useBuiltin) d.add(BUILTIN);
        this.dirs = List.copyOf(d);
    }

    /** Searches {@code entries} in order: directories ending with '/', "" for the name as given, {@link #BUILTIN}. */
    public static ChiselLocator of(List<String> entries) {
        return new ChiselLocator(entries);
    }

    private ChiselLocator(List<String> entries) {
        this.dirs = List.copyOf(entries);
    }

    /** The standard search path. {@code chiselPath} (may be null) is a ':' or ';' separated list. */
    public static ChiselLocator standard(String chiselPath) {
        return standard(chiselPath == null ? List.of() : List.of(chiselPath), System.getenv("JDIG_CHISEL_PATH"));
    }

    /** The standard search path with the --chisel-path values and the JDIG_CHISEL_PATH value (may be null). */
    public static ChiselLocator standard(List<String> chiselPaths, String envPath) {
        List<String> d = new ArrayList<>();
        d.add("");
        d.add("./chisels/");
        d.add(System.getProperty("user.home") + "/.chisels/");
        for (String p : chiselPaths) addPathList(d, p);
        addPathList(d, envPath);
        d.add(BUILTIN);
        if (!d.contains(SYSDIG_DIR)) d.add(SYSDIG_DIR);
        return new ChiselLocator(d);
    }

    private static void addPathList(List<String> d, String list) {
        if (list == null || list.isBlank()) return;
        for (String p : list.split("[:;]")) {
            if (p.isBlank()) continue;
            d.add(p.endsWith("/") ? p : p + "/");
        }
    }

    /** The search path: directories, "" (the name as given) and {@link #BUILTIN}. */
    public List<String> entries() { return dirs; }

    /** Finds a chisel: NAME.lua then NAME in each directory, NAME.lua among the built-in ones where they stand. */
    public Optional<Source> find(String name) {
        String n = name.trim();
        if (n.isEmpty()) return Optional.empty();
        for (String dir : dirs) {
            if (dir.equals(BUILTIN)) {
                if (n.contains("/")) continue;
                String res = JAR_DIR + (n.endsWith(".lua") ? n : n + ".lua");
                if (ChiselLocator.class.getResource(res) != null) {
                    return Optional.of(new Source(baseName(n), res, true));
                }
                continue;
            }
            if (!dir.isEmpty() && n.startsWith("/")) continue;
            for (String cand : new String[] {n + ".lua", n}) {
                File f = new File(dir + cand);
                if (f.isFile()) return Optional.of(new Source(baseName(n), dir + cand, false));
            }
        }
        return Optional.empty();
    }

    private static String baseName(String n) {
        String b = n.substring(n.lastIndexOf('/') + 1);
        return b.endsWith(".lua") ? b.substring(0, b.length() - 4) : b;
    }

    /** The Lua package.path entries for the search directories, then the built-in ones. */
    public String packagePath() {
        StringBuilder sb = new StringBuilder();
        for (String dir : dirs) {
            if (sb.length() > 0) sb.append(';');
            sb.append(dir.equals(BUILTIN) ? JAR_DIR : dir).append("?.lua");
        }
        return sb.toString();
    }

    /** Opens a file named by package.path: a real file, else a built-in resource. */
    public static InputStream openResource(String filename) {
        File f = new File(filename);
        try {
            if (f.isFile()) return new FileInputStream(f);
        } catch (IOException e) {
            return null;
        }
        if (filename.startsWith(JAR_DIR)) return ChiselLocator.class.getResourceAsStream(filename);
        return null;
    }

    /** All .lua files on the path, first occurrence of each name wins, in path order. */
    public List<Source> all() {
        Map<String, Source> found = new java.util.LinkedHashMap<>();
        for (String dir : dirs) {
            if (dir.equals(BUILTIN)) {
                for (String n : builtinNames()) found.putIfAbsent(n, new Source(n, JAR_DIR + n + ".lua", true));
                continue;
            }
            if (dir.isEmpty()) continue; // sysdig lists ./chisels, ~/.chisels and its own directory, not the working one
            File[] files = new File(dir).listFiles();
            if (files == null) continue;
            List<File> sorted = new ArrayList<>(List.of(files));
            Collections.sort(sorted);
            for (File f : sorted) {
                String fn = f.getName();
                if (!fn.endsWith(".lua") || !f.isFile()) continue;
                found.putIfAbsent(fn.substring(0, fn.length() - 4), new Source(fn.substring(0, fn.length() - 4),
                        (dir.equals("./") ? "" : dir) + fn, false));
            }
        }
        return new ArrayList<>(found.values());
    }

    /** The list of the built-in chisels' names that the build writes beside the classes. */
    private static final String NAMES_RESOURCE = "/io/jdig/chisel/builtin-chisels.txt";
    private static volatile Set<String> builtinNames;

    /** Names (without .lua) of the chisels built into the jar: from the build's list, else by listing the jar. */
    public static Set<String> builtinNames() {
        Set<String> names = builtinNames;
        if (names == null) {
            names = readBuiltinNames();
            if (names == null) {
                names = listBuiltinNames();
            }
            builtinNames = names;
        }
        return names;
    }

    private static Set<String> readBuiltinNames() {
        try (InputStream in = ChiselLocator.class.getResourceAsStream(NAMES_RESOURCE)) {
            if (in == null) return null;
            Set<String> names = new TreeSet<>();
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) names.add(line.strip());
            }
            return java.util.Collections.unmodifiableSet(names);
        } catch (IOException e) {
            return null;
        }
    }

    /** Writes the list of built-in chisels into the class directory given (called by the build). */
    public static void writeBuiltinNames(Path classes) throws IOException {
        Path out = classes.resolve(NAMES_RESOURCE.substring(1));
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join("\n", listBuiltinNames()) + "\n");
    }

    /** Names (without .lua) of the chisels built into the jar, by listing its chisel directory. */
    public static Set<String> listBuiltinNames() {
        URL url = ChiselLocator.class.getResource(JAR_DIR);
        if (url == null) return Set.of();
        Set<String> names = new TreeSet<>();
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                }
                collect(fs.getPath(JAR_DIR), names);
            } else {
                collect(Path.of(uri), names);
            }
        } catch (Exception e) {
            throw new UncheckedIOException(new IOException("cannot list built-in chisels: " + e, e));
        }
        return names;
    }

    private static void collect(Path dir, Set<String> names) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".lua"))
                    .forEach(f -> names.add(f.substring(0, f.length() - 4)));
        }
    }

    /** Up to {@code max} names closest to {@code name} (edit distance, then prefix/substring matches). */
    public List<String> closest(String name, int max) {
        Set<String> all = new LinkedHashSet<>();
        for (Source s : all()) all.add(s.name());
        record Scored(String n, int d) {}
        List<Scored> scored = new ArrayList<>();
        for (String n : all) {
            int d = distance(name, n);
            if (n.startsWith(name) || n.contains(name) || name.contains(n)) d = Math.min(d, 2);
            scored.add(new Scored(n, d));
        }
        int limit = Math.max(3, name.length() / 2);
        return scored.stream().filter(s -> s.d() <= limit)
                .sorted((a, b) -> a.d() != b.d() ? Integer.compare(a.d(), b.d()) : a.n().compareTo(b.n()))
                .limit(max).map(Scored::n).toList();
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
