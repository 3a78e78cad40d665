package dev.gauntlet.suites.webshop;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.ActionGrammar;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.Episode;
import dev.gauntlet.suite.EpisodeContext;
import dev.gauntlet.api.Observation;
import dev.gauntlet.suite.TaskSet;
import dev.gauntlet.suites.SuiteTesting;
import dev.gauntlet.api.Task;
import dev.gauntlet.browser.BrowserSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Episodes of the built-in shop in headless Chromium: the gold path, the text views, and bad input. */
class WebShopEpisodeTests {

    private static final Config CONFIG = Config.of(Map.of("webshop.observation", "text_rich"));
    private static TaskSet suite;
    private static BrowserSession browser;
    private static List<Task> tasks;

    @BeforeAll
    static void start() throws Exception {
        suite = SuiteTesting.open(new WebShopSuite(), CONFIG);
        tasks = suite.tasks();
        browser = new BrowserSession(CONFIG);
    }

    @AfterAll
    static void stop() throws Exception {
        browser.close();
        suite.close();
    }

    private static Native n(String text) {
        return new Native(text);
    }

    private record Native(String text) {
        Action action() {
            return new Action.Native("webshop", text);
        }
    }

    @Test
    void theGoldPathBuysTheTargetAndTheDonePageShowsScoreOne() throws Exception {
        Task task = tasks.get(0);
        try (Episode e = suite.start(task, 0, new EpisodeContext(CONFIG, browser))) {
            List<Action> gold = e.demonstration();
            assertTrue(gold.get(0).toString().startsWith("search["), gold.toString());
            for (Action a : gold) {
                assertFalse(e.done());
                assertNull(e.act(a), a.toString());
            }
            assertTrue(e.done());
            Observation done = e.observe();
            assertTrue(done.extras().get("text").toString().contains("Your score (min 0.0, max 1.0) [SEP] 1.0"),
                    done.extras().get("text").toString());
        }
    }

    @Test
    void textViewsFollowUpstreamConventions() throws Exception {
        try (Episode e = suite.start(tasks.get(1), 0, new EpisodeContext(CONFIG, browser))) {
            Observation start = e.observe();
            assertEquals(true, start.extras().get("has_search_bar"));
            assertEquals("text_rich", start.extras().get("observation_mode"));
            assertTrue(start.extras().get("text_rich").toString().contains("[button] Search [button_]"));
            List<Action> gold = e.demonstration();
            e.act(gold.get(0));
            Observation results = e.observe();
            assertTrue(results.extras().get("text").toString().contains(" [SEP] Next > [SEP] "), results.extras().get("text").toString());
            @SuppressWarnings("unchecked")
            List<String> clickables = (List<String>) results.extras().get("clickables");
            assertTrue(clickables.contains("back to search") && clickables.contains("next >"), clickables.toString());
        }
    }

    @Test
    void badInputIsANoOpWithTheErrorInTheObservation() throws Exception {
        try (Episode e = suite.start(tasks.get(2), 0, new EpisodeContext(CONFIG, browser))) {
            String url = e.observe().url();
            assertEquals("search[] needs keywords", e.act(n("search[   ]").action()));
            assertEquals("search[] needs keywords", e.observe().lastActionError());
            assertTrue(e.act(n("search[" + "socks ".repeat(100) + "]").action()).startsWith("search query too long"));
            assertTrue(e.act(n("click[b0nothere00]").action()).startsWith("nothing to click named 'b0nothere00'"));
            assertTrue(e.act(n("click[search]").action()).startsWith("click[search] is not an action"));
            assertEquals(url, e.observe().url());
            List<Action> gold = e.demonstration();
            e.act(gold.get(0));
            e.act(gold.get(gold.size() - (((WebShopOracle) tasks.get(2).oracle()).goal().goalOptions().size()) - 2));
            String item = e.observe().url();
            assertTrue(item.contains("/item/"), item);
            assertTrue(e.act(n("click[purple polka dots]").action()).startsWith("nothing to click named 'purple polka dots'"));
            assertTrue(e.act(n("search[socks]").action()).startsWith("there is no search box on this page"));
            assertTrue(e.act(new Action.Native("webshop", "buy[now]")).startsWith("not a WebShop action"));
            assertEquals(item, e.observe().url());
            assertFalse(e.done());
        }
    }

    @Test
    void theNativeParserReadsSearchAndClickAndFallsBackToGenericCalls() {
        ActionGrammar parser = ActionGrammar.webShop();
        assertEquals(new Action.Native("webshop", "search[Red Socks]"), parser.parse("Action: search[Red Socks]"));
        assertEquals(new Action.Native("webshop", "click[buy now]"), parser.parse("click[buy now]"));
        assertEquals(new Action.Click("12"), parser.parse("click('12')"));
        assertTrue(parser.parse("") instanceof Action.Invalid);
        assertEquals(new WebShopEpisode.Command("click", "b0abc"), WebShopEpisode.command("click[ B0ABC ]"));
    }
}
