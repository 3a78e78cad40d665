package dev.gauntlet.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.gauntlet.api.Action;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.Constants;
import dev.gauntlet.api.Element;
import dev.gauntlet.api.Observation;
import dev.gauntlet.site.SiteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The browser runtime in real headless Chromium against the in-process site server. */
class BrowserRuntimeTests {

    private static final String PAGE = """
            <!DOCTYPE html><html><head><title>Form</title></head><body>
            <h1>Profile</h1>
            <label for="name">Name</label><input id="name" type="text">
            <select id="color" aria-label="Colour"><option>Red</option><option>Blue</option></select>
            <label><input id="agree" type="checkbox"> I agree</label>
            <button id="save" onclick="document.getElementById('out').textContent =
              document.getElementById('name').value + '/' + document.getElementById('color').value + '/' +
              document.getElementById('agree').checked">Save</button>
            <div style="display:none"><button>Hidden</button></div>
            <p id="out"></p>
            <a href="/page/second.html">Next page</a>
            </body></html>""";

    private static SiteServer server;
    private static BrowserSession session;

    @BeforeAll
    static void start() {
        server = SiteServer.start().mount("/page", exchange -> SiteServer.html(exchange, 200,
                exchange.getRequestURI().getPath().endsWith("second.html") ? "<title>Second</title><p>Arrived</p>" : PAGE));
        session = new BrowserSession(Config.of(Map.of(Constants.ACTION_TIMEOUT_MS, "500")));
    }

    @AfterAll
    static void stop() {
        session.close();
        server.close();
    }

    @Test
    void observationHasStableIdsAndActionsTargetThem() throws Exception {
        BrowserContext context = session.newContext(null, Set.of(server.origin()));
        try {
            Page page = context.newPage();
            page.navigate(server.url("/page/form.html"));
            Observation first = PageObserver.observe(page, "Fill the form", "");
            assertEquals("Form", first.title());
            assertTrue(first.axtree().contains("heading \"Profile\""), first.axtree());
            assertFalse(first.axtree().contains("Hidden"), "hidden elements are left out");
            Element name = byName(first, "Name", "textbox");
            Element save = byName(first, "Save", "button");
            Element agree = byName(first, "I agree", "checkbox");
            assertTrue(first.html().contains("bid=\"" + save.id() + "\""));

            ActionExecutor actions = new ActionExecutor(context, page);
            assertNull(actions.perform(new Action.Fill(name.id(), "Ada")));
            assertNull(actions.perform(new Action.Select(byName(first, "Colour", "combobox").id(), List.of("Blue"))));
            assertNull(actions.perform(new Action.Click(agree.id())));
            assertNull(actions.perform(new Action.Click(save.id())));

            Observation second = PageObserver.observe(page, "Fill the form", "");
            assertEquals(save.id(), byName(second, "Save", "button").id(), "ids survive re-observation");
            assertTrue(second.axtree().contains("Ada/Blue/true"), second.axtree());
            assertTrue(second.axtree().contains("checkbox \"I agree\" checked"), second.axtree());
            assertNotNull(second.screenshot().get());
        } finally {
            context.close();
        }
    }

    @Test
    void webArenaTypeClicksAppendsAtTheCaretAndPressesEnterOnlyWhenAsked() throws Exception {
        BrowserContext context = session.newContext(null, Set.of(server.origin()));
        try {
            Page page = context.newPage();
            page.navigate(server.url("/page/form.html"));
            page.evaluate("document.getElementById('name').addEventListener('keydown', e => { if (e.key === 'Enter') "
                    + "document.getElementById('out').textContent = 'entered:' + e.target.value; })");
            Element name = byName(PageObserver.observe(page, "", ""), "Name", "textbox");
            ActionExecutor actions = new ActionExecutor(context, page);
            assertNull(actions.perform(new Action.TypeAtCaret(name.id(), "Ada", false)));
            assertEquals("", page.textContent("#out"), "flag 0 presses no Enter");
            assertNull(actions.perform(new Action.TypeAtCaret(name.id(), " Lovelace", true)));
            assertEquals("Ada Lovelace", page.inputValue("#name"), "upstream types at the caret, it does not clear");
            assertEquals("entered:Ada Lovelace", page.textContent("#out"));
            assertTrue(actions.perform(new Action.TypeAtCaret("9999", "x", false)).contains("Timeout"));
        } finally {
            context.close();
        }
    }

    @Test
    void agentMistakesAreErrorsNotExceptions() throws Exception {
        BrowserContext context = session.newContext(null, Set.of(server.origin()));
        try {
            Page page = context.newPage();
            page.navigate(server.url("/page/form.html"));
            ActionExecutor actions = new ActionExecutor(context, page);
            String missing = actions.perform(new Action.Click("9999"));
            assertNotNull(missing);
            assertTrue(missing.contains("Timeout"), missing);
            assertTrue(actions.perform(new Action.FocusTab(3)).startsWith("no tab 3"));
            assertTrue(actions.perform(new Action.Invalid("??", "no action call found")).contains("no action call found"));
        } finally {
            context.close();
        }
    }

    @Test
    void requestsOutsideAllowedHostsAreBlocked() throws Exception {
        BrowserContext context = session.newContext(null, Set.of(server.origin()));
        try {
            Page page = context.newPage();
            ActionExecutor actions = new ActionExecutor(context, page);
            assertNull(actions.perform(new Action.Goto(server.url("/page/form.html"))));
            String blocked = actions.perform(new Action.Goto("http://localhost:" + server.origin().replaceAll(".*:", "") + "/page/form.html"));
            assertNotNull(blocked);
            assertTrue(blocked.contains("ERR_BLOCKED_BY_CLIENT"), blocked);
        } finally {
            context.close();
        }
    }

    @Test
    void aDeadBrowserIsReplacedOnNextUse() throws Exception {
        BrowserSession own = new BrowserSession(Config.of(Map.of()));
        try {
            own.browser().close();
            assertFalse(own.isAlive());
            assertTrue(own.browser().isConnected());
            assertFalse(own.version().isEmpty());
        } finally {
            own.close();
        }
    }

    private static Element byName(Observation obs, String name, String role) {
        return obs.elements().stream().filter(e -> e.name().equals(name) && e.role().equals(role)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + role + " '" + name + "' in\n" + obs.axtree()));
    }
}
