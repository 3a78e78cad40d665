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

import java.util.List;
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

    /**
     * The fence is handed to Playwright's driver as a regular expression (matched there, in JavaScript); it must block
     * exactly the URLs {@link OriginFence#allowed} refuses.
     */
    @Test
    void theDriversPatternBlocksExactlyWhatTheRuleRefuses() {
        List<Set<String>> fences = List.of(Set.of("http://127.0.0.1:7770"), Set.of("http://localhost:80"),
                Set.of("https://shop.example:443", "http://127.0.0.1:9999"), Set.of("allrecipes.com", "*.allrecipes.com"),
                Set.of("*.osm.org"), Set.of("http://[::1]:8080"), Set.of("HTTP://Example.com:8080"));
        List<String> urls = List.of("http://127.0.0.1:7770/", "http://127.0.0.1:7770", "http://127.0.0.1:7770/a?b#c",
                "http://127.0.0.1:7770?q", "http://127.0.0.1:7770#f", "http://127.0.0.1:77700/", "https://127.0.0.1:7770/",
                "http://127.0.0.1:7770.evil.com/", "http://127.0.0.1:7770@evil.com/", "http://127.0.0.1/",
                "http://localhost/x", "http://localhost:80/x", "http://localhost:8080/x", "https://localhost/",
                "https://shop.example/cart", "https://shop.example:443/", "https://shop.example:444/",
                "http://shop.example/", "https://shop.exampleX/", "https://allrecipes.com/r/1", "http://allrecipes.com",
                "https://www.allrecipes.com/", "https://a.b.allrecipes.com/", "https://allrecipes.com:8443/",
                "http://www.allrecipes.com:443/", "https://evilallrecipes.com/", "https://allrecipes.com.evil.org/",
                "https://tile.osm.org/1/2/3.png", "https://osm.org/", "http://[::1]:8080/", "http://[::1]:8081/",
                "http://example.com:8080/", "http://EXAMPLE.COM:8080/A", "data:text/html,hi", "about:blank",
                "blob:http://127.0.0.1:7770/uuid", "file:///etc/passwd", "chrome-error://chromewebdata/");
        for (Set<String> fence : fences) {
            java.util.regex.Pattern blocked = OriginFence.blocked(fence);
            for (String url : urls) {
                assertEquals(!OriginFence.allowed(url, fence), blocked.matcher(url).matches(), url + " under " + fence
                        + " (pattern " + blocked + ")");
            }
        }
    }

    /**
     * A page's request to its own origin completes while the harness is not calling Playwright (an agent thinking):
     * the driver matches the fence itself. A fence that sent every request to this JVM would hold it until the next
     * call, and the page would see it still pending then.
     */
    @Test
    void aRequestToAnAllowedOriginDoesNotWaitForTheHarness() throws Exception {
        BrowserContext context = session.newContext(null, Origins.with(Set.of(), task.url("/")));
        try {
            Page page = context.newPage();
            page.navigate(task.url("/"));
            page.evaluate("() => { window.fetched = false; setTimeout(() => fetch('/later').then(r => r.text())"
                    + ".then(() => { window.fetched = true; }), 50); }");
            Thread.sleep(1500); // no Playwright call meanwhile, as while an agent decides
            assertEquals(Boolean.TRUE, page.evaluate("() => window.fetched"));
        } finally {
            context.close();
        }
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
