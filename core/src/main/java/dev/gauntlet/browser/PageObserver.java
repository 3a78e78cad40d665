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
    private static final String INSTALL = "(probe) => { window.__gauntletObserve = " + SCRIPT.trim().replaceAll(";\\s*$", "")
            + "; return window.__gauntletObserve(probe); }";
    private static final String CALL = "(probe) => typeof window.__gauntletObserve === 'function' ? window.__gauntletObserve(probe) : null";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PageObserver() {}

    /** Returns the observation of the active page of its context. */
    public static Observation observe(Page page, String instruction, String lastActionError) {
        return observe(page, instruction, lastActionError, null);
    }

    /**
     * Returns the observation, with the value of the JavaScript expression {@code probe} (evaluated in the same round
     * trip) in the extra {@code "probe"}; suites use it for state they would otherwise fetch separately.
     */
    public static Observation observe(Page page, String instruction, String lastActionError, String probe) {
        String raw = evaluate(page, probe);
        try {
            JsonNode root = JSON.readTree(raw);
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
            List<Page> pages = page.context().pages();
            List<String> tabs = pages.stream().map(Page::url).toList();
            return new Observation(root.path("url").asText(), root.path("title").asText(), tabs,
                    Math.max(0, pages.indexOf(page)), instruction, root.path("html").asText(),
                    root.path("axtree").asText(), elements, lastActionError,
                    probe == null ? Map.of() : Map.of("probe", JSON.convertValue(root.path("probe"), Object.class) == null
                            ? "" : JSON.convertValue(root.path("probe"), Object.class)),
                    Lazy.of(() -> page.isClosed() ? null : page.screenshot()));
        } catch (IOException e) {
            throw new UncheckedIOException("observation script returned bad JSON", e);
        }
    }

    private static String evaluate(Page page, String probe) {
        for (int attempt = 0; ; attempt++) {
            try {
                String json = (String) page.evaluate(CALL, probe);
                return json != null ? json : (String) page.evaluate(INSTALL, probe);
            } catch (PlaywrightException e) {
                // a click that navigates destroys the context the script ran in; wait for the new document once
                String msg = String.valueOf(e.getMessage());
                if (attempt < 2 && (msg.contains("Execution context was destroyed") || msg.contains("navigat"))) {
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
