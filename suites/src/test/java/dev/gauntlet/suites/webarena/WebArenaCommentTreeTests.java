package dev.gauntlet.suites.webarena;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.gauntlet.api.Config;
import dev.gauntlet.browser.BrowserSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * WebArena-Lite's reddit_get_latest_comment_content_by_username (helper_functions_eval.py) in headless Chromium: it
 * reads the open page's comment tree (no navigation), depth first, and keeps the strictly newest comment of the user;
 * any element the tree needs that is missing gives "".
 */
class WebArenaCommentTreeTests {

    static BrowserSession browser;
    BrowserContext context;
    Page page;

    @BeforeAll
    static void startAll() throws Exception {
        browser = new BrowserSession(Config.of(Map.of()));
    }

    @AfterAll
    static void stopAll() {
        browser.close();
    }

    @BeforeEach
    void open() throws Exception {
        context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions(), Set.of("*"));
        page = context.newPage();
    }

    @AfterEach
    void close() {
        context.close();
    }

    private static String comment(int level, String user, String time, String text, String children) {
        return "<article class=\"comment\" data-level=\"" + level + "\"><div class=\"comment__main\"><header><h1><span>"
                + "<a class=\"fg-inherit\">" + user + "</a><time datetime=\"" + time + "\"></time></span></h1></header>"
                + "<div class=\"comment__content\">" + text + "</div><span class=\"vote__net-score\">2</span></div>"
                + children + "</article>";
    }

    private String latest(String html, String user) {
        page.setContent("<body>" + html + "</body>");
        return new SiteFunctions(page, Map.of(), Config.of(Map.of())).latestComment(user);
    }

    @Test
    void theNewestCommentOfTheUserAnywhereInTheTreeWins() {
        String tree = "<main id=\"main\">"
                + comment(1, "ann", "2024-01-01T10:00:00Z", "first",
                        comment(2, "bob", "2024-01-01T11:00:00Z", "reply", comment(3, "ann", "2024-01-01T12:00:00Z",
                                "deep and newest", "")))
                + comment(1, "ann", "2024-01-01T11:30:00Z", "older top-level", "")
                + "</main>";
        assertEquals("deep and newest", latest(tree, "ann"));
        assertEquals("reply", latest(tree, "bob"));
        assertEquals("", latest(tree, "carol"));
        assertEquals("", page.url().startsWith("about:") ? "" : "navigated", "the helper reads the open page");
    }

    @Test
    void aTieKeepsTheFirstInDepthFirstOrder() {
        String tree = "<main id=\"main\">" + comment(1, "ann", "2024-01-01T10:00:00Z", "one", "")
                + comment(1, "ann", "2024-01-01T10:00:00Z", "two", "") + "</main>";
        assertEquals("one", latest(tree, "ann"));
    }

    @Test
    void aMissingPieceEmptiesTheTree() {
        // no #main, or a comment without its net score: upstream's script throws and the helper returns ""
        assertEquals("", latest(comment(1, "ann", "2024-01-01T10:00:00Z", "x", ""), "ann"));
        String noScore = "<main id=\"main\">" + comment(1, "ann", "2024-01-01T10:00:00Z", "x", "")
                .replace("<span class=\"vote__net-score\">2</span>", "") + "</main>";
        assertEquals("", latest(noScore, "ann"));
    }
}
