package dev.gauntlet.reports;

import dev.gauntlet.api.Config;
import dev.gauntlet.api.Constants;
import dev.gauntlet.browser.ChromiumLocator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** Versions of what a run ran on (Gauntlet and its git commit, Java, Playwright, Chromium, OS), for the manifest. */
final class RuntimeFacts {

    private static final Properties BUILD = load("build.properties");

    private RuntimeFacts() {}

    static String gauntletVersion() {
        return BUILD.getProperty("gauntlet.version", "unknown");
    }

    static String allureCommandlineVersion() {
        return BUILD.getProperty("allure.commandline.version", "2.34.1");
    }

    /** Returns commit and dirty flag of the working directory's git checkout, or empty outside one. */
    static Map<String, Object> git() {
        Map<String, Object> out = new LinkedHashMap<>();
        String commit = command(List.of("git", "rev-parse", "HEAD"));
        if (commit.isEmpty()) {
            return out;
        }
        out.put("commit", commit);
        out.put("dirty", !command(List.of("git", "status", "--porcelain", "--untracked-files=no")).isEmpty());
        return out;
    }

    static String playwrightVersion() {
        try (InputStream in = RuntimeFacts.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/com.microsoft.playwright/playwright/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            }
        } catch (IOException ignored) {
            // fall through
        }
        return "unknown";
    }

    /** Returns the Chromium the run's workers launch, as its {@code --version} line says. */
    static String chromiumVersion(Config config) {
        Optional<String> endpoint = config.get(Constants.BROWSER_ENDPOINT);
        if (endpoint.isPresent()) {
            return "remote " + endpoint.get();
        }
        try {
            boolean headless = config.getBoolean(Constants.BROWSER_HEADLESS, Constants.BROWSER_HEADLESS_DEFAULT);
            Optional<Path> exe = ChromiumLocator.locate(config, headless);
            if (exe.isEmpty()) {
                return "Playwright's own Chromium";
            }
            String version = command(List.of(exe.get().toString(), "--version"));
            return (version.isEmpty() ? "unknown" : version) + " (" + exe.get() + ")";
        } catch (Exception e) {
            return "unavailable: " + e.getMessage();
        }
    }

    static Map<String, Object> os() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", System.getProperty("os.name"));
        out.put("version", System.getProperty("os.version"));
        out.put("arch", System.getProperty("os.arch"));
        out.put("cores", Runtime.getRuntime().availableProcessors());
        return out;
    }

    static Map<String, Object> java() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", System.getProperty("java.version"));
        out.put("vendor", System.getProperty("java.vendor"));
        out.put("vm", System.getProperty("java.vm.name"));
        return out;
    }

    /** Runs a short command and returns its trimmed output, or {@code ""} when it fails or takes over 5 s. */
    static String command(List<String> command) {
        try {
            Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(false).start();
            p.getOutputStream().close();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "";
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static Properties load(String name) {
        Properties p = new Properties();
        try (InputStream in = RuntimeFacts.class.getResourceAsStream(name)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // defaults apply
        }
        return p;
    }
}
