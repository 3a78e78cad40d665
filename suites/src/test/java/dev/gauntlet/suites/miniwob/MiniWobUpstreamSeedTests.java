package dev.gauntlet.suites.miniwob;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.Task;
import dev.gauntlet.browser.BrowserSession;
import dev.gauntlet.site.SiteServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On upstream MiniWoB++ pages ({@code -Dgauntlet.check.miniwob=<checkout>/miniwob/html}; skipped otherwise): a
 * Gauntlet episode with seed N shows the task instance the gym's reset makes for seed N, which runs
 * {@code Math.seedrandom(repr(N))} (a number) and then {@code core.startEpisodeReal()} (selenium_instance.py
 * set_seed and begin_task); and the string seed "N" would give another instance for some seeds.
 */
class MiniWobUpstreamSeedTests {

    private static Path html() {
        String value = Optional.ofNullable(System.getProperty("gauntlet.check.miniwob"))
                .orElse(System.getenv("GAUNTLET_CHECK_MINIWOB"));
        Assumptions.assumeTrue(value != null && !value.isBlank(),
                "no upstream MiniWoB++ pages given (-Dgauntlet.check.miniwob=<checkout>/miniwob/html)");
        Path p = Path.of(value);
        Assumptions.assumeTrue(Files.isRegularFile(p.resolve("miniwob/click-button.html")),
                "gauntlet.check.miniwob names " + p + ", which holds no miniwob/click-button.html");
        return p;
    }

    private static String gymReset(Page page, String seedLiteral) {
        return (String) page.evaluate("() => { if (core.EP_TIMER !== null && core.EP_TIMER !== undefined) "
                + "core.endEpisode(0); Math.seedrandom(" + seedLiteral + "); core.startEpisodeReal(); "
                + "const u = core.getUtterance(); return typeof u === 'string' ? u : (u && u.utterance) || ''; }");
    }

    @ParameterizedTest
    @ValueSource(strings = {"click-button", "enter-text", "choose-list", "click-checkboxes", "email-inbox"})
    void seedNIsTheGymsInstanceN(String taskId) throws Exception {
        Path dir = html();
        try (SiteServer server = SiteServer.start().mountDirectory("/h", dir);
             BrowserSession browser = new BrowserSession(Config.of(Map.of()))) {
            String url = server.url("/h/miniwob/" + taskId + ".html");
            Task task = new Task("miniwob", taskId, "", List.of(url), Set.of(), null, Set.of("*"), 0, Map.of());
            BrowserContext gym = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions(), Set.of("*"));
            Page page = gym.newPage();
            page.navigate(url);
            List<String> differs = new ArrayList<>();
            for (long seed = 0; seed < 5; seed++) {
                String ours = MiniWobEpisode.start(task, seed, url, null, browser).instruction();
                String theirs = gymReset(page, Long.toString(seed)); // Python's repr(int): digits, no quotes
                assertEquals(theirs, ours, taskId + " seed " + seed);
                if (!gymReset(page, "'" + seed + "'").equals(theirs)) {
                    differs.add(Long.toString(seed));
                }
            }
            System.out.println("[check] miniwob " + taskId + ": the string seed gives another instance for seeds "
                    + differs);
            gym.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"enter-text"})
    void aStringSeedWouldGiveOtherInstances(String taskId) throws Exception {
        Path dir = html();
        try (SiteServer server = SiteServer.start().mountDirectory("/h", dir);
             BrowserSession browser = new BrowserSession(Config.of(Map.of()))) {
            BrowserContext gym = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions(), Set.of("*"));
            Page page = gym.newPage();
            page.navigate(server.url("/h/miniwob/" + taskId + ".html"));
            int differ = 0;
            for (int seed = 0; seed < 5; seed++) {
                differ += gymReset(page, Integer.toString(seed)).equals(gymReset(page, "'" + seed + "'")) ? 0 : 1;
            }
            assertTrue(differ > 0, "seedrandom(5) and seedrandom('5') should differ for some seed");
            gym.close();
        }
    }
}
