package dev.gauntlet.suites.webvoyager;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import dev.gauntlet.api.Action;
import dev.gauntlet.api.ActionGrammar;
import dev.gauntlet.api.Observation;
import dev.gauntlet.api.SiteBlockedException;
import dev.gauntlet.api.Task;
import dev.gauntlet.browser.OpenEndedEpisode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An episode on a live (or built-in) website, ending only when the agent answers or runs out of steps, with
 * WebVoyager's {@code Type} performed as its script does (clear, type, Enter). Every observation first asks whether
 * the page is a bot wall ({@link BotWall}); one that still is after {@link #SETTLE_MS} (a JavaScript challenge that
 * lets the browser through navigates by then) ends the episode as blocked.
 */
final class LiveWebEpisode extends OpenEndedEpisode {

    /** How long a page recognised as a wall gets to navigate away by itself before the episode counts as blocked. */
    static final int SETTLE_MS = 5000;

    private final Page page;
    /** The HTTP status of the latest main-document response (0 before any). */
    private volatile int status;
    private volatile int navigations;

    /** @param gold the built-in sample's demonstration, in BrowserGym calls (empty for real tasks) */
    LiveWebEpisode(Task task, long seed, BrowserContext context, Page page, List<String> gold, int firstStatus) {
        super(task, seed, context, page, gold.stream().map(ActionGrammar.browserGym()::parse).toList());
        this.page = page;
        this.status = firstStatus;
        page.onResponse(r -> {
            try {
                if (r.request().isNavigationRequest() && r.frame().parentFrame() == null) {
                    status = r.status();
                    navigations++;
                }
            } catch (RuntimeException e) {
                // a response without a frame (a service worker's): not the page's document
            }
        });
    }

    @Override
    public Observation observe() throws Exception {
        Optional<String> wall = wall();
        if (wall.isPresent()) {
            int before = navigations;
            try {
                page.waitForCondition(() -> navigations != before, new Page.WaitForConditionOptions().setTimeout(SETTLE_MS));
                page.waitForLoadState();
                wall = wall();
            } catch (PlaywrightException e) {
                // still there after the wait
            }
            if (wall.isPresent()) {
                throw new SiteBlockedException(wall.get() + " at " + page.url());
            }
        }
        return super.observe();
    }

    private Optional<String> wall() {
        Map<String, Object> seen = read();
        @SuppressWarnings("unchecked")
        List<Object> frames = (List<Object>) seen.getOrDefault("frames", List.of());
        return BotWall.recognise(status, String.valueOf(seen.get("title")), String.valueOf(seen.get("text")),
                frames.stream().map(String::valueOf).toList(), Boolean.TRUE.equals(seen.get("px")));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read() {
        for (int attempt = 0; ; attempt++) {
            try {
                return (Map<String, Object>) page.evaluate(BotWall.SCRIPT);
            } catch (PlaywrightException e) {
                // a click that navigates destroys the context the script ran in; wait for the new document, as the
                // observation does
                if (attempt >= 2) {
                    throw e;
                }
                page.waitForLoadState();
            }
        }
    }

    @Override
    protected String performNative(Action.Native action) throws Exception {
        String[] typing = action.grammar().equals("webvoyager") ? WebVoyagerGrammar.typing(action) : null;
        if (typing == null) {
            return super.performNative(action);
        }
        String error = executor.perform(new Action.Fill(typing[0], typing[1]));
        return error != null ? error : executor.perform(new Action.Press(typing[0], "Enter"));
    }
}
