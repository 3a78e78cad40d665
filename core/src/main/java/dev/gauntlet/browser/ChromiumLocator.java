package dev.gauntlet.browser;

import dev.gauntlet.api.Config;
import dev.gauntlet.api.Constants;
import dev.gauntlet.api.EnvironmentUnavailableException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds a Chromium to launch: the configured path, then a system install, then Playwright's own download (only
 * where {@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD} is not set, since that needs a network).
 */
public final class ChromiumLocator {

    /** System locations tried in order; the headless shell starts fastest. */
    static final List<String> CANDIDATES = List.of(
            "/usr/bin/chromium-headless-shell",
            "/usr/lib/chromium/chromium-headless-shell",
            "/usr/bin/chromium",
            "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome",
            "/usr/bin/google-chrome-stable",
            "/opt/google/chrome/chrome",
            "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome");

    private ChromiumLocator() {}

    /**
     * Returns the executable to launch, or empty to let Playwright use its own browser download.
     *
     * @throws EnvironmentUnavailableException when nothing can be launched; the message says what to install or set
     */
    public static Optional<Path> locate(Config config, boolean headless) throws EnvironmentUnavailableException {
        Optional<String> configured = config.get(Constants.BROWSER_PATH);
        if (configured.isPresent()) {
            Path p = Path.of(configured.get());
            if (!Files.isExecutable(p)) {
                throw new EnvironmentUnavailableException("'" + Constants.BROWSER_PATH + "' is " + p
                        + ", which is not an executable file");
            }
            return Optional.of(p);
        }
        for (String candidate : CANDIDATES) {
            Path p = Path.of(candidate);
            if (!headless && p.getFileName().toString().contains("headless-shell")) {
                continue; // the headless shell cannot show a window
            }
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        if (System.getenv("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD") == null) {
            return Optional.empty();
        }
        throw new EnvironmentUnavailableException("no Chromium found (looked in " + String.join(", ", CANDIDATES.subList(0, 4))
                + "): install one (Debian/Ubuntu: apt-get install -y chromium-headless-shell) or set '"
                + Constants.BROWSER_PATH + "'");
    }
}
