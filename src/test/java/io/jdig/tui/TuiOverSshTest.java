package io.jdig.tui;

import io.jdig.Prerequisites;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real {@code ./cjdig} over ssh: a private sshd of the test's own (loopback only, a fresh host key, the test's
 * key the only way in), and a tmux window on this side running {@code ssh -t} to it, as a user opens cjdig on another
 * machine. Keys go through ssh's terminal (F2 to Files, Enter, Backspace, F5), a resize of the local window reaches
 * the remote cjdig (it draws itself again at the new size), and q ends the remote program with status 0.
 */
class TuiOverSshTest {
    private static final long STEP_MS = 20_000;
    /** The first screen may wait for the launcher to build the jar. */
    private static final long FIRST_SCREEN_MS = 600_000;

    private final TmuxWindow ui = new TmuxWindow("jdig-ssh-test");
    private Process sshd;

    @AfterEach
    void end() throws Exception {
        ui.close();
        if (sshd != null) {
            sshd.destroy();
            if (!sshd.waitFor(10, TimeUnit.SECONDS)) {
                sshd.destroyForcibly();
            }
        }
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not answer");
        }
        if (p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", cmd) + " failed: " + out);
        }
        return out;
    }

    private List<String> await(String text) throws Exception {
        return ui.await(text, STEP_MS);
    }

    /** Starts a private sshd on a free loopback port that lets in the holder of {@code dir/key}; its port. */
    private int startSshd(Path dir) throws Exception {
        Path sshdBin = Path.of("/usr/sbin/sshd");
        Prerequisites.require(Files.isExecutable(sshdBin), "sshd is not installed (openssh-server)");
        Prerequisites.require(Prerequisites.onPath("ssh") && Prerequisites.onPath("ssh-keygen"),
                "the ssh client is not installed (openssh-client)");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("host").toString()));
        run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("key").toString()));
        Files.copy(dir.resolve("key.pub"), dir.resolve("authorized_keys"));
        Files.createDirectories(Path.of("/run/sshd")); // sshd's privilege separation directory
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String config = String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + dir.resolve("host"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "PidFile " + dir.resolve("sshd.pid"),
                "PermitRootLogin prohibit-password",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "StrictModes no",
                "AcceptEnv LANG LC_*",
                "") ;
        Files.writeString(dir.resolve("sshd_config"), config);
        sshd = new ProcessBuilder(sshdBin.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try (Socket s = new Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
                return port;
            } catch (IOException notYet) {
                if (!sshd.isAlive() || System.nanoTime() > end) {
                    throw new AssertionError("sshd did not start: " + Files.readString(dir.resolve("sshd.log")));
                }
                Thread.sleep(50);
            }
        }
    }

    @Test
    void aUserExploresATraceOnAnotherMachineThroughSsh(@TempDir Path dir) throws Exception {
        Prerequisites.require(Prerequisites.onPath("tmux"), "tmux is not installed");
        Path launcher = Path.of("cjdig").toAbsolutePath();
        Prerequisites.require(Files.isExecutable(launcher), "the ./cjdig launcher is not in the working directory");
        // under a short name: the header line then shows the whole source whatever the checkout's path
        Path trace = dir.resolve("falco__cat_write.scap");
        Files.createSymbolicLink(trace, Prerequisites.shared().resolve("traces/falco__cat_write.scap"));
        int port = startSshd(dir);
        String user = System.getProperty("user.name");
        String ssh = "ssh -t -i '" + dir.resolve("key") + "' -p " + port
                + " -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR "
                + user + "@127.0.0.1 \"'" + launcher + "' -r '" + trace + "'\"";
        ui.start(100, 30, ssh + "; echo SSH-EXIT=$?; sleep 600");
        List<String> s = ui.await("the processes view", FIRST_SCREEN_MS,
                l -> l.get(0).startsWith("Viewing: Processes For: whole machine") && l.get(29).startsWith("F1Help")
                        && l.get(2).contains("PID") && !l.get(3).isBlank());
        assertThat(s.get(1)).contains("falco__cat_write.scap (345 evts, 3.00s)");

        // F2 to the views, Files by its first letters, Enter
        ui.keys("F2");
        await("Select View");
        ui.keys("Home");
        s = ui.await("the list's top", STEP_MS, l -> l.get(2).startsWith("Select View") && !l.get(2).contains("Processes"));
        for (int i = 0; i < 60 && !s.get(2).matches("Select View +Files( .*)?"); i++) {
            String before = s.get(2);
            ui.keys("Down");
            try {
                s = ui.await("the selection to move", 3_000, l -> !l.get(2).equals(before));
            } catch (AssertionError e) {
                s = ui.screen();
            }
        }
        assertThat(s.get(2)).matches("Select View +Files( .*)?");
        ui.keys("Enter");
        s = ui.await("the Files view", STEP_MS, l -> l.get(0).startsWith("Viewing: Files For: whole machine")
                && l.get(2).contains("FILENAME"));

        // Enter drills down, Backspace comes back, F5 shows the bytes of the first file
        ui.keys("Enter");
        await("Viewing: Processes For: fd.name=");
        ui.keys("BSpace");
        await("Viewing: Files For: whole machine");
        ui.keys("F5");
        ui.await("the echo window", STEP_MS, l -> String.join("\n", l).contains("------ "));
        ui.keys("BSpace");
        s = ui.await("the Files view again", STEP_MS, l -> l.get(0).startsWith("Viewing: Files For: whole machine")
                && l.get(2).contains("FILENAME"));
        assertThat(s.get(29)).startsWith("F1Help");

        // a smaller local window: ssh passes the size on, the remote screen is drawn again at that size
        ui.tmux("resize-window", "-t", "ui", "-x", "80", "-y", "20");
        s = ui.await("the screen redrawn at 80x20", STEP_MS, l -> l.size() >= 20 && l.get(19).startsWith("F1Help")
                && l.get(0).startsWith("Viewing: Files"));
        for (String line : s) {
            assertThat(line.length()).isLessThanOrEqualTo(80);
        }

        // q ends cjdig on the other side; ssh returns its status
        ui.keys("q");
        await("SSH-EXIT=0");
    }
}
