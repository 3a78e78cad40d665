package dev.gauntlet.suites.webshop;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import dev.gauntlet.api.Action;
import dev.gauntlet.api.Observation;
import dev.gauntlet.api.Task;
import dev.gauntlet.browser.BrowserEpisode;
import dev.gauntlet.browser.PageObserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One WebShop episode in its own browser context: {@code search[...]} and {@code click[...]}, the native actions of
 * {@link dev.gauntlet.api.ActionGrammar#webShop()}, are performed on the page through the search box and the
 * clickable elements, so the same code drives the built-in shop and an upstream server. The episode is done once a
 * done page is shown (after Buy Now).
 */
final class WebShopEpisode extends BrowserEpisode {

    private static final String OBSERVE = load("observe.js");
    private static final Pattern COMMAND = Pattern.compile("(search|click)\\[(.*)]",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final String MARK = "(value) => {"
            + " document.querySelectorAll('[data-ws-target]').forEach(e => e.removeAttribute('data-ws-target'));"
            + " const all = [...document.querySelectorAll('.btn, .product-link')]"
            + "   .filter(e => e.textContent.trim().toLowerCase() === value);"
            + " all.push(...[...document.querySelectorAll('input[type=\"radio\"]')].filter(e => String(e.value).toLowerCase() === value));"
            + " if (!all.length) return '';"
            + " all[0].setAttribute('data-ws-target', '1');"
            + " return all[0].classList.contains('product-link') ? 'link' : 'other'; }";

    private final List<Action> gold;
    private final String observationMode;
    private final Runnable onClose;
    private final Set<String> visited = new LinkedHashSet<>();

    WebShopEpisode(Task task, long seed, BrowserContext context, Page page, List<Action> gold, String observationMode,
                   Runnable onClose) {
        super(task, seed, context, page, true);
        this.gold = gold;
        this.observationMode = observationMode;
        this.onClose = onClose;
    }

    @Override
    protected String instruction() {
        if (!task.instruction().isEmpty()) {
            return task.instruction();
        }
        Object text = views().get("instruction");
        return text == null ? "" : text.toString();
    }

    @Override
    protected Observation decorate(Observation observation) {
        Map<String, Object> v = views();
        String html = executor.page().content();
        Object chosen = observationMode.equals("html") ? html : v.get(observationMode);
        return observation.withExtras(Map.of("html", html, "text", v.get("text"), "text_rich", v.get("text_rich"),
                "clickables", v.get("clickables"), "has_search_bar", v.get("has_search_bar"),
                "observation", chosen, "observation_mode", observationMode));
    }

    /**
     * The text views; a page caught between documents (a click's navigation still loading: no document element
     * yet, or the script's context destroyed) is waited for and read again, as the generic observer does.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> views() {
        Page page = executor.page();
        return PageObserver.settled(page, () -> (Map<String, Object>) page.evaluate(OBSERVE, new ArrayList<>(visited)));
    }

    /** A native action read back: {@code search} or {@code click} and its lower-cased argument. */
    record Command(String verb, String argument) {}

    /** Reads a native action's text; null when it is neither {@code search[...]} nor {@code click[...]}. */
    static Command command(String text) {
        Matcher m = COMMAND.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            return null;
        }
        return new Command(m.group(1).toLowerCase(Locale.ROOT), m.group(2).strip().toLowerCase(Locale.ROOT));
    }

    @Override
    protected String performNative(Action.Native action) {
        Command parsed = command(action.text());
        if (parsed == null) {
            return "not a WebShop action: '" + action.text() + "' (expected search[keywords] or click[value])";
        }
        Page page = executor.page();
        if (parsed.verb().equals("search")) {
            return search(page, parsed.argument());
        }
        if (parsed.argument().equals("search")) {
            return "click[search] is not an action; use search[keywords]";
        }
        Object kind = page.evaluate(MARK, parsed.argument());
        if ("".equals(kind)) {
            return "nothing to click named '" + parsed.argument() + "' on this page (clickables: "
                    + views().get("clickables") + ")";
        }
        navigate(page, () -> page.locator("[data-ws-target]").first().click());
        if ("link".equals(kind)) {
            visited.add(parsed.argument());
        }
        return null;
    }

    private String search(Page page, String keywords) {
        if (keywords.isEmpty()) {
            return "search[] needs keywords";
        }
        if (keywords.length() > ProductSearch.MAX_QUERY_CHARS) {
            return "search query too long (" + keywords.length() + " characters; at most "
                    + ProductSearch.MAX_QUERY_CHARS + ")";
        }
        if (page.locator("#search_input").count() == 0) {
            return "there is no search box on this page; click[back to search] first";
        }
        page.locator("#search_input").fill(keywords);
        navigate(page, () -> page.locator("#search_input").press("Enter"));
        return null;
    }

    @SuppressWarnings("deprecation") // wrapping the action is the race-free use of waitForNavigation
    private static void navigate(Page page, Runnable action) {
        try {
            page.waitForNavigation(action);
        } catch (PlaywrightException e) {
            if (!String.valueOf(e.getMessage()).contains("Timeout")) {
                throw e;
            }
            // the click did not navigate (a page script ignored it): the agent sees the page as it is
        }
    }

    @Override
    public boolean done() {
        String url = executor.page().url();
        return url.contains("/done/") || url.contains("/done?");
    }

    @Override
    public List<Action> demonstration() {
        return gold;
    }

    @Override
    public void close() {
        try {
            super.close();
        } finally {
            onClose.run();
        }
    }

    private static String load(String name) {
        try (InputStream in = WebShopEpisode.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
