package dev.gauntlet.suites.miniwob;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.gauntlet.api.Action;
import dev.gauntlet.api.ActionGrammar;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.GauntletBenchmark;
import dev.gauntlet.browser.BrowserSession;
import dev.gauntlet.engine.GauntletRun;
import dev.gauntlet.site.SiteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;
import org.junit.platform.testkit.engine.Events;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built-in MiniWoB pages: every task listed in {@code tasks.json} is solved by its own gold demonstration on
 * every seed through the real engine, and its problem depends on the seed and on nothing else.
 */
class MiniWobBuiltInTasksTests {

    private static final int SEEDS = 5;

    /** Marker selected through the engine test kit; the configuration parameters say what runs. */
    @GauntletBenchmark
    static class ReplayBenchmark {}

    /** Seeds a loaded page and starts an episode, as the suite does, and reads back the problem. */
    private static final String START = """
            (seed) => {
              if (core.EP_TIMER !== null) core.endEpisode(0);
              Math.seedrandom(seed);
              core.startEpisodeReal();
              return {instruction: core.getUtterance(), gold: JSON.stringify(window.gauntletGold())};
            }""";

    private static SiteServer server;
    private static BrowserSession browser;
    private static BrowserContext context;

    @BeforeAll
    static void startBrowser() throws Exception {
        server = SiteServer.start().mountClasspath("/html", MiniWobSource.RESOURCES,
                MiniWobBuiltInTasksTests.class.getClassLoader());
        browser = new BrowserSession(Config.from(key -> Optional.empty()));
        context = browser.browser().newContext(MiniWobSuite.contextOptions());
    }

    @AfterAll
    static void stopBrowser() {
        if (context != null) {
            context.close();
        }
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void replayOfTheGoldSolvesEveryTaskOnEverySeed() throws IOException {
        List<String> tasks = taskIds();
        Events episodes = GauntletRun.of(ReplayBenchmark.class).suite("miniwob").agent("replay")
                .seeds(String.valueOf(SEEDS)).runsDir(Path.of("target/test-runs")).screenshots("none").testEvents();

        String problems = episodes.stream()
                .filter(e -> e.getPayload(TestExecutionResult.class)
                        .map(r -> r.getStatus() != TestExecutionResult.Status.SUCCESSFUL)
                        .orElse(e.getType() == EventType.SKIPPED))
                .map(MiniWobBuiltInTasksTests::describe)
                .collect(Collectors.joining("\n"));
        assertEquals("", problems, "episodes that did not pass");
        int expected = tasks.size() * SEEDS;
        assertEquals(expected, episodes.started().count(), "episodes started (tasks x seeds)");
        assertEquals(expected, episodes.succeeded().count(), "episodes passed (tasks x seeds)");
        Set<String> ran = episodes.started().stream().map(e -> e.getTestDescriptor().getDisplayName())
                .collect(Collectors.toSet());
        for (String task : tasks) {
            assertEquals(SEEDS, ran.stream().filter(name -> name.startsWith(task + " ")).count(),
                    () -> "episodes of " + task + " among " + ran);
        }
    }

    @Test
    void differentSeedsPoseDifferentProblems() throws IOException {
        for (String task : taskIds()) {
            Page page = load(task);
            Set<String> instructions = new LinkedHashSet<>();
            for (int seed = 0; seed < SEEDS; seed++) {
                Map<String, Object> problem = start(page, seed);
                String instruction = (String) problem.get("instruction");
                assertFalse(instruction.isBlank(), task + " seed " + seed + " has no instruction");
                assertFalse(problem.get("gold").equals("[]"), task + " seed " + seed + " has no gold demonstration");
                instructions.add(instruction);
            }
            assertTrue(instructions.size() > 1, task + " asks the same on seeds 0-" + (SEEDS - 1) + ": " + instructions);
            page.close();
        }
    }

    @Test
    void theSameSeedPosesTheSameProblem() throws IOException {
        for (String task : taskIds()) {
            Page page = load(task);
            Map<String, Object> first = start(page, 3);
            start(page, 4); // an episode in between must leave nothing behind
            Map<String, Object> again = start(page, 3);
            assertEquals(first, again, task + ": seed 3 twice on the same page");
            Page fresh = load(task);
            assertEquals(first, start(fresh, 3), task + ": seed 3 on a freshly loaded page");
            page.close();
            fresh.close();
        }
    }

    @Test
    void tickingSomeOfTheListedBoxesEarnsPartialCreditBelowOne() {
        Page page = load("click-checkboxes");
        for (int seed = 0; seed < 50; seed++) {
            start(page, seed);
            List<Action> gold = goldOf(page);
            if (gold.size() < 3) {
                continue; // one listed word: no partial answer exists
            }
            // tick only the first listed word, then Submit
            page.locator(((Action.Click) gold.get(0)).target()).click();
            page.locator(((Action.Click) gold.get(gold.size() - 1)).target()).click();
            assertEquals(Boolean.TRUE, page.evaluate("() => WOB_DONE_GLOBAL"));
            double raw = ((Number) page.evaluate("() => WOB_RAW_REWARD_GLOBAL")).doubleValue();
            assertTrue(raw > 0 && raw < 1, "raw reward " + raw + " for seed " + seed);
            page.close();
            return;
        }
        throw new AssertionError("no seed in 0-49 lists two or more words");
    }

    private static List<Action> goldOf(Page page) {
        List<Action> actions = new ArrayList<>();
        for (Object step : (List<?>) page.evaluate("() => window.gauntletGold()")) {
            actions.add(ActionGrammar.browserGym().parse(String.valueOf(step)));
        }
        return actions;
    }

    private static Page load(String task) {
        Page page = context.newPage();
        page.navigate(server.url("/html/miniwob/" + task + ".html"));
        return page;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> start(Page page, int seed) {
        return new LinkedHashMap<>((Map<String, Object>) page.evaluate(START, String.valueOf(seed)));
    }

    private static String describe(Event event) {
        String name = event.getTestDescriptor().getDisplayName();
        return name + ": " + event.getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable)
                .map(Throwable::getMessage)
                .or(() -> event.getPayload(String.class))
                .orElse(event.getType().toString());
    }

    private static List<String> taskIds() throws IOException {
        try (InputStream in = MiniWobBuiltInTasksTests.class.getClassLoader()
                .getResourceAsStream(MiniWobSource.RESOURCES + "/tasks.json")) {
            List<String> ids = new ArrayList<>();
            for (JsonNode task : new ObjectMapper().readTree(in).path("tasks")) {
                ids.add(task.path("id").asText());
            }
            assertTrue(ids.size() >= 22, "the built-in set has " + ids.size() + " tasks");
            return ids;
        }
    }
}
