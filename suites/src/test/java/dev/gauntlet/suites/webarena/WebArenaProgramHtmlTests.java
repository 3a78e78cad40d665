package dev.gauntlet.suites.webarena;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.Verdict;
import dev.gauntlet.browser.BrowserSession;
import dev.gauntlet.llm.StandInServer;
import dev.gauntlet.site.SiteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** program_html on a live page in headless Chromium, in both dialects. */
class WebArenaProgramHtmlTests {

    static BrowserSession browser;
    static SiteServer site;
    BrowserContext context;
    Page page;

    @BeforeAll
    static void startAll() {
        browser = new BrowserSession(Config.of(Map.of()));
        site = SiteServer.start().mount("/", ex -> SiteServer.html(ex, 200, "<h1>Post</h1><p id=\"c\">Fish &amp; Chips"
                + "</p><details id=\"more\"><summary>s</summary><b id=\"n\">42</b></details>"));
    }

    @AfterAll
    static void stopAll() {
        site.close();
        browser.close();
    }

    @BeforeEach
    void open() throws Exception {
        context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions(), Set.of("*"));
        page = context.newPage();
        page.navigate(site.url("/f/books/12/a-post/comment/3"));
    }

    private Verdict run(String dialect, String targets, Map<String, String> config) throws Exception {
        String eval = "{'eval_types': ['program_html'], 'reference_answers': null, 'program_html': " + targets + "}";
        return Fabricated.evaluate(dialect, eval, "", page.url(), Map.of("reddit", site.origin()), page, config);
    }

    private Verdict.Outcome outcome(String dialect, String targets) throws Exception {
        return run(dialect, targets, Map.of()).outcome();
    }

    @Test
    void wholePageMustIncludeWithAlternativesAfterHtmlUnescape() throws Exception {
        assertEquals(Verdict.Outcome.SUCCESS, outcome("webarena", "[{'url': 'last', 'locator': '', "
                + "'required_contents': {'must_include': ['Fish & Chips', 'nothing |OR| Post']}}]"));
        // Lite does not unescape the page's HTML
        assertEquals(Verdict.Outcome.FAILURE, outcome("lite", "[{'url': 'last', 'locator': '', "
                + "'required_contents': {'must_include': ['Fish & Chips']}}]"));
    }

    @Test
    void scriptLocatorRunsPrepActionsAndAFailingScriptSelectsNothing() throws Exception {
        assertEquals(Verdict.Outcome.SUCCESS, outcome("webarena", "[{'url': 'last', 'locator': "
                + "'document.querySelector(\\\"#more\\\").open ? \\\"open\\\" : \\\"shut\\\"', 'prep_actions': "
                + "['document.querySelector(\\\"#more\\\").open = true'], 'required_contents': {'exact_match': 'open'}}]"));
        assertEquals(Verdict.Outcome.FAILURE, outcome("webarena", "[{'url': 'last', 'locator': "
                + "'document.querySelector(\\\"#none\\\").innerText', 'required_contents': {'exact_match': 'x'}}]"));
    }

    @Test
    void urlHelperCutsACommentUrlToItsPostAndExplicitUrlsAreVisited() throws Exception {
        run("webarena", "[{'url': 'func:reddit_get_post_url(\\\"__last_url__\\\")', 'locator': '', "
                + "'required_contents': {'must_include': ['Post']}}]", Map.of());
        assertEquals(site.url("/f/books/12/"), page.url());
        run("webarena", "[{'url': '" + site.url("/elsewhere") + "', 'locator': '', "
                + "'required_contents': {'must_include': ['Post']}}]", Map.of());
        assertEquals(site.url("/elsewhere"), page.url());
        assertEquals("http://h/f/x/1/", SiteFunctions.redditPostUrl("http://h/f/x/1/slug/comment/9"));
        assertEquals("http://h/user/x", SiteFunctions.redditPostUrl("http://h/user/x"));
    }

    @Test
    void unknownHelpersLocatorsAndContentKeysBreakTheTaskByName() {
        var helper = assertThrows(IllegalArgumentException.class, () -> outcome("webarena", "[{'url': 'last', "
                + "'locator': 'func:shopping_get_wishlist(__page__)', 'required_contents': {'exact_match': 'x'}}]"));
        assertTrue(helper.getMessage().contains("shopping_get_wishlist"), helper.getMessage());
        assertThrows(IllegalArgumentException.class, () -> outcome("webarena", "[{'url': 'last', "
                + "'locator': 'xpath=//h1', 'required_contents': {'exact_match': 'x'}}]"));
        assertThrows(IllegalArgumentException.class, () -> outcome("webarena", "[{'url': 'last', "
                + "'locator': '', 'required_contents': {'required_values': ['== 1']}}]"));
    }

    @Test
    void liteLambdaLocatorsRequiredValuesAndExclusions() throws Exception {
        String n = "'lambda:() => document.querySelector(\\\"#n\\\").textContent'";
        assertEquals(Verdict.Outcome.SUCCESS, outcome("lite", "[{'url': 'last', 'locator': " + n
                + ", 'required_contents': {'required_values': ['>= 40', '== 42 |OR| == 41']}}]"));
        assertEquals(Verdict.Outcome.FAILURE, outcome("lite", "[{'url': 'last', 'locator': "
                + "'lambda:() => document.querySelector(\\\"#none\\\")', 'required_contents': {'exact_match': 'x'}}]"));
        assertEquals(Verdict.Outcome.SUCCESS, outcome("lite", "[{'url': 'last', 'locator': " + n
                + ", 'required_contents': {'must_exclude': ['41']}}]"));
        assertEquals("() => 1", ProgramHtml.lstrip("lambda:() => 1", "lambda:"));
    }

    @Test
    void liteFuzzyMatchInsideProgramHtmlAsksTheJudgeOnce() throws Exception {
        try (StandInServer judge = StandInServer.start()) {
            judge.script(StandInServer.Reply.text("correct"));
            Verdict v = run("lite", "[{'url': 'last', 'locator': 'document.querySelector(\\\"#c\\\").innerText', "
                    + "'required_contents': {'fuzzy_match': ['fish', 'chips']}}]",
                    Map.of("llm.base_url", judge.baseUrl(), "llm.model", "m"));
            assertEquals(Verdict.Outcome.SUCCESS, v.outcome(), v.explanation());
            assertTrue(judge.received().get(0).allText().contains("fish, chips"));
        }
        assertEquals(Verdict.Outcome.UNSCORED, outcome("lite", "[{'url': 'last', 'locator': '', "
                + "'required_contents': {'fuzzy_match': ['fish']}}]"));
    }

    @Test
    void everyHelperItAdvertisesIsDispatchedAndOthersAreUnknownByName() {
        SiteFunctions none = new SiteFunctions(null, Map.of(), Config.of(Map.of()));
        for (String helper : WebArenaOracle.helpers()) {
            String call = helper + "('http://h/f/books/12/comment', 'byteblaze')";
            boolean dispatched = false;
            for (java.util.function.Function<String, String> position : java.util.List.<java.util.function.Function<String, String>>of(
                    none::url, none::locate)) {
                try {
                    position.apply(call);
                    dispatched = true;
                } catch (IllegalArgumentException e) {
                    assertTrue(e.getMessage().startsWith("unknown func: helper '" + helper + "'"), e.getMessage());
                } catch (RuntimeException e) {
                    dispatched = true; // it ran and failed for want of a site: it is implemented
                }
            }
            assertTrue(dispatched, helper + " is advertised but neither a url nor a locator helper");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> none.locate("map_get_route('a')"));
        assertEquals("unknown func: helper 'map_get_route' in program_html locator", e.getMessage());
    }
}
