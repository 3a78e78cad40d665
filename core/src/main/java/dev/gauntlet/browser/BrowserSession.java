package dev.gauntlet.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.Constants;
import dev.gauntlet.api.EnvironmentUnavailableException;
import dev.gauntlet.api.Settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One worker's browser: a Playwright instance and a Chromium, launched on first use and relaunched when it dies.
 * Playwright is not thread-safe, so a session belongs to one thread; episodes get fresh contexts from it.
 */
public final class BrowserSession implements AutoCloseable {

    /** Flags needed on a machine without network or GPU; without them Chromium keeps dialing out and stalls. */
    static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
            "--disable-dev-shm-usage");

    /**
     * Node options of each worker's Playwright driver: semi-spaces of 1 MB (smaller than V8's default)
     * keeps the driver's peak resident memory about 27 MB lower (153 → 126 MB measured); the user's own
     * {@code NODE_OPTIONS} come after, so theirs win.
     */
    static final String DRIVER_NODE_OPTIONS = "--max-semi-space-size=1";

    private final Config config;
    private Playwright playwright;
    private Browser browser;
    private final Map<Object, ReusedPage> reused = new HashMap<>();
    private Object scope;

    public BrowserSession(Config config) {
        this.config = config;
    }

    /** Returns the running browser, launching (or relaunching after a crash) when needed. */
    public Browser browser() throws EnvironmentUnavailableException {
        if (browser != null && browser.isConnected()) {
            return browser;
        }
        closeQuietly();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", env.getOrDefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"));
        env.put("NODE_OPTIONS", (DRIVER_NODE_OPTIONS + " " + env.getOrDefault("NODE_OPTIONS", "")).trim());
        Optional<String> endpoint = config.get(Constants.BROWSER_ENDPOINT);
        boolean headless = config.getBoolean(Constants.BROWSER_HEADLESS, Constants.BROWSER_HEADLESS_DEFAULT);
        Optional<Path> executable = endpoint.isPresent() ? Optional.empty() : ChromiumLocator.locate(config, headless);
        if (executable.isEmpty() && endpoint.isEmpty()) {
            env.remove("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD"); // no system browser: allow Playwright's own download
        }
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(env));
        try {
            BrowserType chromium = playwright.chromium();
            if (endpoint.isPresent()) {
                String ws = endpoint.get();
                browser = ws.startsWith("http") || ws.contains("/devtools/")
                        ? chromium.connectOverCDP(ws) : chromium.connect(ws);
            } else {
                List<String> flags = new ArrayList<>(FLAGS);
                flags.addAll(Settings.browserArgs(config)); // the user's come last, so a repeated switch is theirs
                BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(headless).setArgs(flags);
                executable.ifPresent(options::setExecutablePath);
                browser = chromium.launch(options);
            }
        } catch (RuntimeException e) {
            closeQuietly();
            throw new EnvironmentUnavailableException("cannot start the browser ("
                    + endpoint.map(u -> "endpoint " + u).or(() -> executable.map(Path::toString)).orElse("Playwright download")
                    + "): " + firstLine(e.getMessage()));
        }
        return browser;
    }

    /**
     * Returns a fresh, isolated context, fenced to {@code allowedHosts}: origins ({@code http://127.0.0.1:8080}) or
     * live-web domains ({@code *.example.com}); {@code *} or an empty set allows all.
     */
    public BrowserContext newContext(Browser.NewContextOptions options, Set<String> allowedHosts)
            throws EnvironmentUnavailableException {
        BrowserContext context = browser().newContext(options);
        OriginFence.install(context, OriginFence.plus(allowedHosts, Settings.FENCE_ALLOW.read(config)));
        context.setDefaultTimeout(config.getLong(Constants.ACTION_TIMEOUT_MS, Constants.ACTION_TIMEOUT_MS_DEFAULT));
        context.setDefaultNavigationTimeout(
                config.getLong(Constants.NAVIGATION_TIMEOUT_MS, Constants.NAVIGATION_TIMEOUT_MS_DEFAULT));
        return context;
    }

    /**
     * Returns a page kept alive across episodes under {@code key}, for suites whose pages reset themselves without
     * a reload (MiniWoB does, as upstream's gym does); it is replaced when closed or when the browser died.
     */
    public ReusedPage reusedPage(Object key, Browser.NewContextOptions options, Set<String> allowedHosts)
            throws EnvironmentUnavailableException {
        key = scope == null ? key : List.of(scope, key);
        ReusedPage page = reused.get(key);
        if (page != null && !page.page().isClosed() && browser != null && browser.isConnected()) {
            return page;
        }
        BrowserContext context = newContext(options, allowedHosts);
        page = new ReusedPage(context, context.newPage());
        reused.put(key, page);
        return page;
    }

    /**
     * Keeps the pages of {@link #reusedPage} apart per {@code scope} from now on ({@code null}: one scope). The
     * environment server runs several sessions on one worker's browser; each takes a scope so that two sessions of
     * one task never share a page.
     */
    public void reuseScope(Object scope) {
        this.scope = scope;
    }

    /** A long-lived context and page, with the URL the owner last loaded into it. */
    public static final class ReusedPage {
        private final BrowserContext context;
        private final com.microsoft.playwright.Page page;
        private String loaded = "";

        ReusedPage(BrowserContext context, com.microsoft.playwright.Page page) {
            this.context = context;
            this.page = page;
        }

        public BrowserContext context() {
            return context;
        }

        public com.microsoft.playwright.Page page() {
            return page;
        }

        /** Returns the document the owner last loaded, to skip reloading the same one. */
        public String loaded() {
            return loaded;
        }

        public void loaded(String url) {
            this.loaded = url;
        }
    }

    /** Returns the browser's version, or {@code ""} when not started. */
    public String version() {
        return browser == null ? "" : browser.version();
    }

    /** Tells whether a browser is running. */
    public boolean isAlive() {
        return browser != null && browser.isConnected();
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        reused.clear();
        try {
            if (browser != null) {
                browser.close();
            }
        } catch (RuntimeException ignored) {
            // a dead browser cannot be closed twice; nothing to do
        }
        try {
            if (playwright != null) {
                playwright.close();
            }
        } catch (RuntimeException ignored) {
            // same as above
        }
        browser = null;
        playwright = null;
    }

    /** Returns the useful line of a Playwright error ("Error {\n  message='...'" becomes the message). */
    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int m = s.indexOf("message='");
        if (m >= 0) {
            s = s.substring(m + "message='".length());
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
