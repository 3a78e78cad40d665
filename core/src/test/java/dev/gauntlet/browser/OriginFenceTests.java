package dev.gauntlet.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.gauntlet.api.Action;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.Constants;
import dev.gauntlet.site.SiteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fence compares origins (scheme, host and port), not hosts (issue 15, item 4): a task site on 127.0.0.1 does not
 * open every other service on 127.0.0.1. Rules on strings, then in real Chromium with two loopback servers.
 */
class OriginFenceTests {

    private static SiteServer task;
    private static SiteServer other;
    private static final AtomicInteger otherHits = new AtomicInteger();
    private static BrowserSession session;

    @BeforeAll
    static void start() {
        task = SiteServer.start().mount("/", exchange -> SiteServer.html(exchange, 200, "<title>Task</title><p>task"));
        other = SiteServer.start().mount("/", exchange -> {
            otherHits.incrementAndGet();
            SiteServer.html(exchange, 200, "<title>Other</title><p>secret");
        });
        session = new BrowserSession(Config.of(Map.of(Constants.NAVIGATION_TIMEOUT_MS, "5000")));
    }

    @AfterAll
    static void stop() {
        session.close();
        task.close();
        other.close();
    }

    @Test
    void anOriginMatchesSchemeHostAndPortOnly() {
        Set<String> fence = Set.of("http://127.0.0.1:7770");
        assertTrue(OriginFence.allowed("http://127.0.0.1:7770/admin?x=1", fence));
        assertFalse(OriginFence.allowed("http://127.0.0.1:8000/v1/models", fence), "another port on the same host");
        assertFalse(OriginFence.allowed("https://127.0.0.1:7770/", fence), "another scheme");
        assertFalse(OriginFence.allowed("http://localhost:7770/", fence), "another host name");
        assertFalse(OriginFence.allowed("file:///etc/passwd", fence));
        assertTrue(OriginFence.allowed("data:text/html,hi", fence));
    }

    @Test
    void aDomainStandsForItsHttpAndHttpsOriginsOnDefaultPortsWithTheSubDomainRule() {
        // live-web suites declare domain and *.domain (WebVoyager's site and its sub-domains)
        Set<String> fence = Set.of("allrecipes.com", "*.allrecipes.com");
        assertTrue(OriginFence.allowed("https://www.allrecipes.com/recipe/1", fence));
        assertTrue(OriginFence.allowed("http://allrecipes.com/", fence));
        assertFalse(OriginFence.allowed("https://allrecipes.com:8443/", fence), "not a default port");
        assertFalse(OriginFence.allowed("https://evilallrecipes.com/", fence));
        assertFalse(OriginFence.allowed("http://127.0.0.1:8000/", Set.of("127.0.0.1")),
                "a bare loopback name no longer opens its ports");
    }

    @Test
    void extraEntriesAreAddedToAFenceButDoNotFenceAnUnfencedContext() {
        assertEquals(Set.of("http://a:1", "http://tiles:8080", "*.osm.org"),
                OriginFence.plus(Set.of("http://a:1"), " http://tiles:8080 ,*.osm.org,"));
        assertEquals(Set.of(), OriginFence.plus(Set.of(), "http://tiles:8080"));
        assertTrue(OriginFence.allowed("http://anything:1/", OriginFence.plus(Set.of("http://a:1"), "*")));
    }

    @Test
    void originsAreWrittenWithTheirPort() {
        assertEquals("http://127.0.0.1:80", Origins.of("http://127.0.0.1/x"));
        assertEquals("https://example.com:443", Origins.of("HTTPS://Example.com/"));
        assertNull(Origins.of("file:///etc/passwd"));
    }

    @Test
    void anotherServiceOnTheTasksHostIsBlockedInChromium() throws Exception {
        BrowserContext context = session.newContext(null, Origins.with(Set.of(), task.url("/")));
        try {
            Page page = context.newPage();
            page.navigate(task.url("/"));
            ActionExecutor executor = new ActionExecutor(context, page);
            int before = otherHits.get();
            String error = executor.perform(new Action.Goto(other.url("/v1/models")));
            assertTrue(error != null && error.startsWith("blocked by the fence"), error);
            assertEquals(before, otherHits.get(), "the other service on 127.0.0.1 never saw a request");
            String file = executor.perform(new Action.Goto("file:///etc/passwd"));
            assertTrue(file != null && file.startsWith("blocked by the fence"), file);
            assertFalse(page.content().contains("root:"), "no file content reached the page");
            assertNull(executor.perform(new Action.Goto(task.url("/again"))), "the task's own origin stays open");
        } finally {
            context.close();
        }
    }

    @Test
    void gauntletFenceAllowOpensAnExtraOrigin() throws Exception {
        BrowserSession widened = new BrowserSession(Config.of(Map.of(Constants.FENCE_ALLOW, other.origin())));
        try {
            BrowserContext context = widened.newContext(null, Origins.with(Set.of(), task.url("/")));
            Page page = context.newPage();
            page.navigate(task.url("/"));
            assertNull(new ActionExecutor(context, page).perform(new Action.Goto(other.url("/tiles"))));
            assertEquals("Other", page.title());
        } finally {
            widened.close();
        }
    }
}
