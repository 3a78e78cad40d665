package dev.gauntlet.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.gauntlet.api.Action;
import dev.gauntlet.api.Observation;
import dev.gauntlet.api.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lazy observation walks the page only when its views are read, and then they hold what an eager observation of
 * the same page holds; an action naming an id the agent never read finds the element it would have found.
 */
class LazyObservationTests {

    private static final String PAGE = """
            <title>Form</title><h1>Profile</h1>
            <label for="name">Name</label><input id="name" type="text" value="Ada">
            <select id="color" aria-label="Colour"><option>Red</option><option selected>Blue</option></select>
            <label><input id="agree" type="checkbox" checked> I agree</label>
            <button onclick="this.textContent='pressed'">Press</button>
            <div style="display:none"><button>Hidden</button></div>
            <a href="#next">Next page</a>""";

    @RegisterExtension
    static final SharedBrowser BROWSER = new SharedBrowser();

    private static Page page(BrowserContext context) {
        Page page = context.newPage();
        page.setContent(PAGE);
        return page;
    }

    @Test
    void aLazyObservationHoldsWhatAnEagerOneHoldsWhenRead() throws Exception {
        BrowserContext context = BROWSER.session().newContext(null, Set.of("*"));
        try {
            Observation eager = PageObserver.observe(page(context), "Fill", "", "document.title", false);
            Page page = page(context);
            Observation lazy = PageObserver.observe(page, "Fill", "", "document.title", true);
            assertFalse(lazy.viewBuilt());
            assertEquals(0, ((Number) page.evaluate("() => document.querySelectorAll('[data-gid]').length")).intValue(),
                    "the page was not walked");
            assertEquals(eager.url().replaceAll("#.*", ""), lazy.url().replaceAll("#.*", ""));
            assertEquals(eager.title(), lazy.title());
            assertEquals(eager.extras(), lazy.extras(), "the probe comes back at once");
            assertEquals(eager.axtree(), lazy.axtree());
            assertTrue(lazy.viewBuilt());
            assertEquals(eager.html(), lazy.html());
            assertEquals(eager.elements(), lazy.elements());
            assertTrue(lazy.axtree().contains("button \"Press\""), lazy.axtree());
        } finally {
            context.close();
        }
    }

    @Test
    void anActionOnAnIdTheAgentNeverReadFindsTheElementAnEagerObservationWouldHaveNamed() throws Exception {
        BrowserContext context = BROWSER.session().newContext(null, Set.of("*"));
        try {
            String id = PageObserver.observe(page(context), "", "", null, false).elements().stream()
                    .filter(e -> e.role().equals("button")).findFirst().orElseThrow().id();
            Page page = page(context);
            Task task = new Task("t", "press", "Press.", List.of(), Set.of(), null, Set.of("*"), 0, Map.of());
            BrowserEpisode episode = new BrowserEpisode(task, 0, context, page, false) {
                @Override
                public boolean done() {
                    return false;
                }
            };
            Observation unread = episode.observe();
            assertFalse(unread.viewBuilt());
            assertNull(episode.act(new Action.Click(id)));
            assertEquals("pressed", page.textContent("button"));
        } finally {
            context.close();
        }
    }

    @Test
    void anActionBySelectorLeavesThePageUnwalked() throws Exception {
        BrowserContext context = BROWSER.session().newContext(null, Set.of("*"));
        try {
            Page page = page(context);
            Task task = new Task("t", "press", "Press.", List.of(), Set.of(), null, Set.of("*"), 0, Map.of());
            BrowserEpisode episode = new BrowserEpisode(task, 0, context, page, false) {
                @Override
                public boolean done() {
                    return false;
                }
            };
            Observation unread = episode.observe();
            assertNull(episode.act(new Action.Click("button >> nth=0")));
            assertFalse(unread.viewBuilt());
            assertEquals("pressed", page.textContent("button"));
        } finally {
            context.close();
        }
    }
}
