package dev.gauntlet.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import dev.gauntlet.api.Element;
import dev.gauntlet.api.Lazy;
import dev.gauntlet.api.Observation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an {@link Observation} of a page with one script evaluation: the script marks every visible element with a
 * stable {@code data-gid} (kept for the element's lifetime in the document) that actions can target.
 */
public final class PageObserver {

    private static final String SCRIPT = load("observe.js");
    /** Installs the observer in the document once, then calls it: later calls ship a few bytes, not the script. */
    private static final String INSTALL = "(arg) => { window.__gauntletObserve = " + SCRIPT.trim().replaceAll(";\\s*$", "")
            + "; return window.__gauntletObserve(arg); }";
    private static final String CALL = "(arg) => typeof window.__gauntletObserve === 'function' ? window.__gauntletObserve(arg) : null";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PageObserver() {}

    /** Returns the observation of the active page of its context, its views built at once. */
    public static Observation observe(Page page, String instruction, String lastActionError) {
        return observe(page, instruction, lastActionError, null);
    }

    /**
     * Returns the observation, its views built at once, with the value of the JavaScript expression {@code probe}
     * (evaluated in the same round trip) in the extra {@code "probe"}; suites use it for state they would otherwise
     * fetch separately.
     */
    public static Observation observe(Page page, String instruction, String lastActionError, String probe) {
        return observe(page, instruction, lastActionError, probe, false);
    }

    /**
     * Returns the observation as {@link #observe(Page, String, String, String)} does; with {@code lazy} this round
     * trip brings only the URL, title and probe, and the views (accessibility text, pruned HTML, elements with their
     * ids) are built by one more round trip when the agent first reads one of them.
     */
    public static Observation observe(Page page, String instruction, String lastActionError, String probe,
                                      boolean lazy) {
        JsonNode root = parse(evaluate(page, probe, !lazy));
        String url = root.path("url").asText();
        String title = root.path("title").asText();
        Object probed = probe == null ? null : probed(root);
        if (lazy) {
            return lazy(page, instruction, lastActionError, url, title, probed);
        }
        Observation.View view = view(root);
        List<Page> pages = page.context().pages();
        return new Observation(url, title, tabs(pages), activeTab(pages, page), instruction, view.html(), view.axtree(),
                view.elements(), lastActionError, probe == null ? Map.of() : Map.of(Observation.PROBE, probed),
                screenshot(page));
    }

    /**
     * Returns a lazy observation of what a page script already read (address, title and the probe's value, as a lazy
     * {@link #observe} brings them), with no round trip of its own: for a suite whose reset script reads them in its
     * own call. The views are built by the page walk when first read, as for any lazy observation.
     *
     * @param probed the probe's value ({@code null} for none)
     */
    public static Observation lazy(Page page, String instruction, String lastActionError, String url, String title,
                                   Object probed) {
        Map<String, Object> extras = probed == null ? Map.of() : Map.of(Observation.PROBE, probed);
        List<Page> pages = page.context().pages();
        return Observation.lazy(url, title, tabs(pages), activeTab(pages, page), instruction, () -> view(page),
                lastActionError, extras, screenshot(page));
    }

    private static List<String> tabs(List<Page> pages) {
        return pages.stream().map(Page::url).toList();
    }

    private static int activeTab(List<Page> pages, Page page) {
        return Math.max(0, pages.indexOf(page));
    }

    private static Lazy<byte[]> screenshot(Page page) {
        return Lazy.of(() -> page.isClosed() ? null : ScreenCapture.png(page));
    }

    /** Walks the page now: what a lazy observation's views are when first read. */
    private static Observation.View view(Page page) {
        return page.isClosed() ? new Observation.View("", "", List.of()) : view(parse(evaluate(page, null, true)));
    }

    private static Observation.View view(JsonNode root) {
        List<Element> elements = new ArrayList<>();
        for (JsonNode e : root.path("elements")) {
            Map<String, String> attrs = new HashMap<>();
            e.path("attrs").fields().forEachRemaining(f -> attrs.put(f.getKey(), f.getValue().asText()));
            JsonNode b = e.path("box");
            elements.add(new Element(e.path("id").asText(), e.path("role").asText(), e.path("name").asText(),
                    e.path("tag").asText(), e.path("value").asText(), e.path("interactive").asBoolean(),
                    e.path("checked").asBoolean(), attrs,
                    new Element.Box(b.path(0).asDouble(), b.path(1).asDouble(), b.path(2).asDouble(), b.path(3).asDouble())));
        }
        return new Observation.View(root.path("html").asText(), root.path("axtree").asText(), elements);
    }

    private static Object probed(JsonNode root) {
        Object value = JSON.convertValue(root.path(Observation.PROBE), Object.class);
        return value == null ? "" : value;
    }

    private static JsonNode parse(String raw) {
        try {
            return JSON.readTree(raw);
        } catch (IOException e) {
            throw new UncheckedIOException("observation script returned bad JSON", e);
        }
    }

    private static String evaluate(Page page, String probe, boolean walk) {
        Map<String, Object> arg = new HashMap<>();
        arg.put("probe", probe);
        arg.put("walk", walk);
        return settled(page, () -> {
            String json = (String) page.evaluate(CALL, arg);
            return json != null ? json : (String) page.evaluate(INSTALL, arg);
        });
    }

    /**
     * Runs a page script call; a page caught between documents (a click's navigation destroyed the script's context,
     * or the next document has no element yet) is waited for and read again, twice at most.
     */
    public static <T> T settled(Page page, java.util.function.Supplier<T> call) {
        for (int attempt = 0; ; attempt++) {
            try {
                return call.get();
            } catch (PlaywrightException e) {
                String msg = String.valueOf(e.getMessage());
                if (attempt < 2 && (msg.contains("Execution context was destroyed") || msg.contains("navigat")
                        || msg.contains("is not of type 'Node'"))) {
                    page.waitForLoadState();
                    continue;
                }
                throw e;
            }
        }
    }

    static String load(String name) {
        try (InputStream in = PageObserver.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
