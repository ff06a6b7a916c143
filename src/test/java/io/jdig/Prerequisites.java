package io.jdig;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * The one check every test goes through for what it needs from the machine (the shared traces and recordings, the
 * reference sysdig, root and eBPF, a tool): a missing prerequisite skips the test, and fails it with CI=true, where
 * everything must be there (./test.sh installs it).
 */
public final class Prerequisites {
    public static final boolean CI = "true".equals(System.getenv("CI"));
    /** Where sysdig's package puts its Lua chisels. */
    public static final String SYSDIG_CHISELS = "/usr/share/sysdig/chisels/";
    private static Boolean sysdig;

    private Prerequisites() {
    }

    /** Skips the test when {@code ok} is false, saying {@code what} is missing; fails instead with CI=true. */
    public static void require(boolean ok, String what) {
        if (!ok) {
            if (CI) {
                throw new AssertionError("CI=true but " + what);
            }
            Assumptions.abort(what);
        }
    }

    /** ../shared (or -Djdig.shared), with its traces and recordings. */
    public static Path shared() {
        Path dir = Path.of(System.getProperty("jdig.shared", "../shared")).toAbsolutePath().normalize();
        require(Files.isDirectory(dir.resolve("traces")) && Files.isDirectory(dir.resolve("conformance")),
                "the shared material is missing: expected " + dir + " with traces/ and conformance/");
        return dir;
    }

    /** One file of the shared material, which must be there. */
    public static Path shared(String first, String... more) {
        Path p = shared().resolve(Path.of(first, more));
        require(Files.exists(p), p + " is missing from the shared material");
        return p;
    }

    /** The reference sysdig 0.29.3 (a reader) with its chisels. */
    public static void requireSysdig() {
        require(sysdigInstalled(), "the reference sysdig is not installed (./setup.sh installs it)");
    }

    public static synchronized boolean sysdigInstalled() {
        if (sysdig == null) {
            sysdig = onPath("sysdig") && new File(SYSDIG_CHISELS).isDirectory() && runs("sysdig", "--version");
        }
        return sysdig;
    }

    public static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    private static boolean runs(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
