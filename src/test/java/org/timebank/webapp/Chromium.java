package org.timebank.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the people's screens' browser scripts (src/main/webui/e2e, playwright-core driving Debian's
 * Chromium) against the service under test. Screenshots go to target/screenshots, or with
 * {@code -Dscreenshots.update=true} to docs/screenshots, which README shows.
 */
final class Chromium {
    private static final File WEBUI = new File("src/main/webui");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Chromium() {}

    /** Runs a browser script of src/main/webui/e2e against the service at {@code root}, with the world it needs. */
    static void run(URL root, String script, Map<String, Object> world) throws Exception {
        run(root, script, world, null, null);
    }

    /**
     * The same, and when the script prints {@code cue} on a line of its own, runs {@code between}
     * (what happens elsewhere meanwhile: staff deciding, a job folding) and lets the script go on.
     */
    static void run(URL root, String script, Map<String, Object> world, String cue, Runnable between) throws Exception {
        ProcessBuilder node = new ProcessBuilder("node", script).directory(WEBUI).redirectErrorStream(true);
        node.environment().put("BASE", root.toString().replaceAll("/$", ""));
        node.environment().put("WORLD", JSON.writeValueAsString(world));
        // README's screenshots are renewed on request, as openapi.yaml is; otherwise they go to target/
        String shots = Boolean.getBoolean("screenshots.update") ? "docs/screenshots" : "target/screenshots";
        node.environment().put("SCREENSHOTS", new File(shots).getAbsolutePath());
        Process run = node.start();
        // a browser run that hangs is ended, so that the test fails instead of waiting for ever
        Thread watchdog = new Thread(() -> {
            try {
                if (!run.waitFor(3, TimeUnit.MINUTES)) {
                    run.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        watchdog.setDaemon(true);
        watchdog.start();
        StringBuilder out = new StringBuilder();
        try (var lines = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                out.append(line).append('\n');
                if (line.equals(cue)) {
                    between.run();
                    run.getOutputStream().write('\n');
                    run.getOutputStream().close();
                }
            }
        }
        String output = out.toString();
        boolean ended = run.waitFor(3, TimeUnit.MINUTES);
        System.out.println(output);
        assertEquals(true, ended, "the browser run did not end in time");
        assertEquals(0, run.exitValue(), "the browser run failed:\n" + output);
    }
}
