package dev.gauntlet.suites.miniwob;

import com.microsoft.playwright.Page;
import dev.gauntlet.api.Action;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.EvaluationContext;
import dev.gauntlet.api.Observation;
import dev.gauntlet.api.Task;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Verdict;
import dev.gauntlet.browser.BrowserSession;
import dev.gauntlet.browser.PageObserver;
import dev.gauntlet.browser.PlaywrightPage;
import dev.gauntlet.site.SiteServer;
import dev.gauntlet.suites.miniwob.MiniWobOracle.RewardRule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a MiniWoB episode reads in its own round trips: the reset script also reads the first observation, and once
 * the episode is done the observation's probe holds the page's reward, so the oracle asks the page nothing more. Both
 * must equal what a separate read of the page gives at that moment.
 */
class MiniWobEpisodeTests {

    private static SiteServer server;
    private static BrowserSession browser;

    @BeforeAll
    static void start() throws Exception {
        server = SiteServer.start().mountClasspath("/html", MiniWobSource.RESOURCES,
                MiniWobEpisodeTests.class.getClassLoader());
        browser = new BrowserSession(Config.of(Map.of()));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static Task task(String id, String url) {
        return new Task("miniwob", id, "", List.of(url), Set.of(), new MiniWobOracle(RewardRule.BINARY), Set.of("*"),
                0, Map.of());
    }

    @Test
    void theFirstObservationIsWhatTheResetReadAndEqualsAFreshLookAtThePage() throws Exception {
        String url = server.url("/html/miniwob/enter-text.html");
        for (long seed = 0; seed < 3; seed++) {
            MiniWobEpisode episode = MiniWobEpisode.start(task("enter-text", url), seed, url, null, browser);
            Page page = episode.page().map(p -> ((PlaywrightPage) p).page()).orElseThrow();
            Observation first = episode.observe();
            Observation fresh = PageObserver.observe(page, episode.instruction(), "", episode.probe(), true);
            assertEquals(fresh.url(), first.url());
            assertEquals(fresh.title(), first.title());
            assertEquals(fresh.extras(), first.extras());
            assertEquals(Boolean.FALSE, first.extras().get("probe"), "a new episode is not done");
            assertEquals(page.evaluate("() => core.getUtterance()"), first.instruction());
            assertTrue(first.axtree().contains("Submit"), "its views are the page's, built when read: " + first.axtree());
            assertFalse(episode.done());
            // the next look is the page's again, not the reset's
            episode.act(episode.demonstration().get(0));
            assertEquals(fresh.title(), episode.observe().title());
            episode.close();
        }
    }

    @Test
    void theFinalProbeHoldsTheRewardAndTheOracleScoresItAsItScoresThePage() throws Exception {
        String url = server.url("/html/miniwob/click-checkboxes.html");
        MiniWobOracle oracle = new MiniWobOracle(RewardRule.RAW);
        for (long seed = 0; seed < 3; seed++) {
            Task task = task("click-checkboxes", url);
            MiniWobEpisode episode = MiniWobEpisode.start(task, seed, url, null, browser);
            List<Action> gold = episode.demonstration();
            episode.observe();
            // the last listed box left out (when two or more are listed): a partial reward, not a plain 1
            for (int i = 0; i < gold.size(); i++) {
                if (i != gold.size() - 2 || gold.size() < 3) {
                    assertEquals(null, episode.act(gold.get(i)));
                }
            }
            Observation last = episode.observe();
            assertTrue(episode.done());
            Map<?, ?> probed = assertInstanceOf(Map.class, last.extras().get("probe"));
            Trajectory t = new Trajectory(task, seed, "replay", List.of(), "", last.url(), "", "done", "");
            Verdict fromProbe = oracle.evaluate(t, new EvaluationContext(Config.of(Map.of()), Optional.empty(),
                    Path.of("."), Optional.of(probed)));
            Verdict fromPage = oracle.evaluate(t, new EvaluationContext(Config.of(Map.of()), episode.page(),
                    Path.of(".")));
            assertEquals(fromPage.outcome(), fromProbe.outcome());
            assertEquals(fromPage.score(), fromProbe.score());
            assertEquals(fromPage.evidence(), fromProbe.evidence());
            assertEquals(((Number) episode.page().orElseThrow().evaluate("() => WOB_RAW_REWARD_GLOBAL")).doubleValue(),
                    fromProbe.evidence().get("raw_reward"));
            episode.close();
        }
    }

    @Test
    void anEpisodeNotDoneLeavesTheOracleToReadThePage() throws Exception {
        String url = server.url("/html/miniwob/click-button.html");
        MiniWobEpisode episode = MiniWobEpisode.start(task("click-button", url), 1, url, null, browser);
        Observation first = episode.observe();
        Verdict v = new MiniWobOracle(RewardRule.BINARY).evaluate(
                new Trajectory(task("click-button", url), 1, "none", List.of(), "", first.url(), "", "max-steps", ""),
                new EvaluationContext(Config.of(Map.of()), episode.page(), Path.of("."),
                        Optional.of(first.extras().get("probe"))));
        assertEquals(Verdict.Outcome.FAILURE, v.outcome());
        assertEquals(false, v.evidence().get("done"));
        episode.close();
    }
}
