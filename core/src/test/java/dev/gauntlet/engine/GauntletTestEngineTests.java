package dev.gauntlet.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

class GauntletTestEngineTests {

    @TempDir
    Path runs;

    private EngineTestKit.Builder kit(String agent) {
        return EngineTestKit.engine(GauntletTestEngine.ENGINE_ID)
                .selectors(DiscoverySelectors.selectClass(Benchmark.class))
                .configurationParameter("gauntlet.suite", "counter")
                .configurationParameter("gauntlet.agent", agent)
                .configurationParameter("gauntlet.seeds", "2")
                .configurationParameter("gauntlet.runsDir", runs.toString())
                .configurationParameter("gauntlet.leaderboard", "off");
    }

    @Test
    void everyTaskAndSeedIsATestWithStableIdAndTags() {
        EngineExecutionResults results = kit("gold").execute();
        List<Event> finished = results.testEvents().finished().list();
        assertEquals(10, finished.size(), "5 tasks x 2 seeds");
        Event first = results.testEvents().started().list().stream()
                .filter(e -> e.getTestDescriptor().getUniqueId().toString().contains("two-clicks"))
                .findFirst().orElseThrow();
        UniqueId id = first.getTestDescriptor().getUniqueId();
        assertEquals("[engine:gauntlet]/[suite:counter]/[task:two-clicks]/[seed:0]", id.toString());
        assertTrue(first.getTestDescriptor().getTags().contains(TestTag.create("site:counter")));
        assertTrue(first.getTestDescriptor().getTags().contains(TestTag.create("category:click")));
    }

    @Test
    void goldPassesFailsAreFailuresMissingSiteSkipsAndCrashIsBroken() {
        EngineExecutionResults results = kit("gold").execute();
        results.testEvents().assertThatEvents()
                .haveExactly(2, event(test("two-clicks"), finishedSuccessfully()))
                .haveExactly(2, event(test("three-clicks"), finishedSuccessfully()))
                // the gold plan of too-many needs 9 clicks; the suite allows 5 steps
                .haveExactly(2, event(test("too-many"), finishedWithFailure(message("5 of 9 clicks"))))
                .haveExactly(2, event(test("needs-site"), abortedWithReason(message("'counter.site' is not set"))))
                .haveExactly(2, event(test("crashes"), finishedWithFailure(instanceOf(EpisodeBrokenException.class),
                        message(m -> m.contains("the site fell over")))));
    }

    @Test
    void agentFailureIsAFailedTestWithTheVerdictExplanation() {
        kit("clicker:times=1").configurationParameter("gauntlet.tasks", "two-clicks").execute().testEvents()
                .assertThatEvents().haveExactly(2, event(test("two-clicks"), finishedWithFailure(message("1 of 2 clicks"))));
    }

    @Test
    void everyAgentHearsItsEpisodesResultAtTheEnd() {
        TestAgents.Clicker.HEARD.clear();
        kit("clicker:times=1").configurationParameter("gauntlet.tasks", "two-clicks,crashes,needs-site")
                .configurationParameter("gauntlet.seeds", "0..0").execute();
        assertEquals(java.util.Set.of("two-clicks 0 failed", "crashes 0 broken", "needs-site 0 skipped"),
                java.util.Set.copyOf(TestAgents.Clicker.HEARD));
        assertEquals(3, TestAgents.Clicker.HEARD.size(), "once per episode");
    }

    @Test
    void throwingAgentRecordsStepErrorsAndTheEpisodeEndsAtTheStepLimit() throws Exception {
        kit("thrower").configurationParameter("gauntlet.tasks", "two-clicks").configurationParameter("gauntlet.seeds", "0..0")
                .execute().testEvents().assertThatEvents()
                .haveExactly(1, event(test("two-clicks"), finishedWithFailure(message("0 of 2 clicks"))));
        assertTrue(Files.isDirectory(runs.resolve("latest")), "runs/latest points at the run");
    }

    @Test
    void suiteEarlyStopEndsTheEpisodeBeforeTheStepLimit() throws Exception {
        kit("thrower").configurationParameter("gauntlet.tasks", "two-clicks").configurationParameter("gauntlet.seeds", "0..0")
                .execute();
        var result = RecordingListener.LAST_RUN.get(0);
        assertEquals(2, result.steps(), "2 steps, not the limit of 5");
        assertEquals("early-stop: 2 failed actions in a row", result.trajectory().stopReason());
        assertEquals("Click element 1 exactly 2 times.", result.trajectory().instruction());
        assertTrue(result.trajectory().steps().get(0).error().contains("model output was not JSON"));
    }

    @Test
    void uniqueIdSelectorRerunsExactlyOneEpisodeEvenForAnUnconfiguredSeed() {
        EngineExecutionResults results = EngineTestKit.engine(GauntletTestEngine.ENGINE_ID)
                .selectors(DiscoverySelectors.selectUniqueId("[engine:gauntlet]/[suite:counter]/[task:three-clicks]/[seed:7]"))
                .configurationParameter("gauntlet.agent", "gold")
                .configurationParameter("gauntlet.runsDir", runs.toString())
                .configurationParameter("gauntlet.leaderboard", "off")
                .execute();
        List<Event> finished = results.testEvents().finished().list();
        assertEquals(1, finished.size());
        assertEquals("[engine:gauntlet]/[suite:counter]/[task:three-clicks]/[seed:7]",
                finished.get(0).getTestDescriptor().getUniqueId().toString());
        results.testEvents().assertThatEvents().haveExactly(1, event(finishedSuccessfully()));
    }

    @Test
    void severalAgentsAddAnAgentLevel() {
        EngineExecutionResults results = kit("gold;clicker:times=2").configurationParameter("gauntlet.tasks", "two-clicks")
                .configurationParameter("gauntlet.seeds", "0..0").execute();
        List<String> ids = results.testEvents().finished().list().stream()
                .map(e -> e.getTestDescriptor().getUniqueId().toString()).sorted().toList();
        assertEquals(List.of(
                "[engine:gauntlet]/[suite:counter]/[task:two-clicks]/[agent:clicker%3Atimes=2]/[seed:0]",
                "[engine:gauntlet]/[suite:counter]/[task:two-clicks]/[agent:gold]/[seed:0]"), ids);
    }

    @Test
    void aSuiteThatResetsBetweenAgentsGetsOneAgentAtATimeEachAfterItsReset() {
        CounterSuite.RESETS.clear();
        List<Event> events = kit("gold;clicker:times=2").configurationParameter("gauntlet.tasks", "*-clicks")
                .configurationParameter("gauntlet.workers", "2").configurationParameter("counter.reset", "yes")
                .execute().testEvents().list();
        assertEquals(List.of("gold", "clicker:times=2"), CounterSuite.RESETS);
        List<String> order = events.stream()
                .map(e -> e.getType() + " " + e.getTestDescriptor().getUniqueId().getSegments().get(3).getValue())
                .toList();
        assertEquals(16, order.size(), order.toString()); // 2 tasks x 2 seeds x 2 agents, started + finished
        int lastGold = order.lastIndexOf("FINISHED gold");
        int firstClicker = order.indexOf("STARTED clicker:times=2");
        assertTrue(lastGold < firstClicker, "every gold episode ends before the first clicker episode: " + order);

        CounterSuite.RESETS.clear();
        kit("gold;clicker:times=2").configurationParameter("gauntlet.tasks", "two-clicks").execute();
        assertEquals(List.of(), CounterSuite.RESETS, "suites that keep no state are never reset");
    }

    @Test
    void theAgentsStatedReasoningIsKeptWithEachStep() {
        kit("clicker:times=2").configurationParameter("gauntlet.tasks", "two-clicks")
                .configurationParameter("gauntlet.seeds", "0..0").execute();
        var steps = RecordingListener.LAST_RUN.get(0).trajectory().steps();
        assertEquals(2, steps.size(), "the episode ends with the second click");
        assertTrue(steps.stream().allMatch(s -> s.reasoning().equals("click number 2")), steps.toString());
        kit("gold").configurationParameter("gauntlet.tasks", "two-clicks").configurationParameter("gauntlet.seeds", "0..0")
                .execute();
        assertTrue(RecordingListener.LAST_RUN.get(0).trajectory().steps().stream().allMatch(s -> s.reasoning().isEmpty()),
                "an agent that states none records none");
    }

    @Test
    void aTaskWaitsForTheTasksItDependsOnEvenWithSeveralWorkers() {
        List<Event> events = kit("gold").configurationParameter("gauntlet.tasks", "*-clicks,too-many")
                .configurationParameter("gauntlet.seeds", "3").configurationParameter("gauntlet.workers", "3")
                .configurationParameter("counter.depends", "yes").execute().testEvents().list();
        List<String> order = events.stream()
                .map(e -> e.getType() + " " + e.getTestDescriptor().getUniqueId().getSegments().get(2).getValue())
                .toList();
        assertEquals(18, order.size(), order.toString());
        assertTrue(order.lastIndexOf("FINISHED three-clicks") < order.indexOf("STARTED two-clicks"),
                "two-clicks is listed first but waits for three-clicks: " + order);
    }

    @Test
    void taskGlobsSelectTasks() {
        EngineExecutionResults results = kit("gold").configurationParameter("gauntlet.tasks", "*-clicks,!three-*").execute();
        assertEquals(2, results.testEvents().finished().count());
    }

    @Test
    void shardsSplitTheTasksWithoutOverlap() {
        List<String> all = new java.util.ArrayList<>();
        for (String shard : List.of("1/2", "2/2")) {
            kit("gold").configurationParameter("gauntlet.shard", shard).configurationParameter("gauntlet.seeds", "0..0")
                    .execute().testEvents().finished().list()
                    .forEach(e -> all.add(e.getTestDescriptor().getUniqueId().toString()));
        }
        assertEquals(5, all.size());
        assertEquals(5, all.stream().distinct().count());
        assertEngineFails(kit("gold").configurationParameter("gauntlet.shard", "3/2"),
                "'gauntlet.shard' is '3/2' but must be i/n with 1 <= i <= n, e.g. 2/4");
    }

    @Test
    void unknownAgentSuiteOrTaskFailsTheRunWithOneLineListingWhatExists() {
        assertEngineFails(kit("nobody"), "unknown agent 'nobody'; available: clicker, gold, thrower");
        assertEngineFails(kit("gold").configurationParameter("gauntlet.suite", "nosuch"),
                "unknown suite 'nosuch'; available: counter, crashy, all");
        assertEngineFails(kit("gold").configurationParameter("gauntlet.tasks", "zzz*"),
                "no task matches gauntlet.tasks='zzz*'; tasks: crashes, needs-site, three-clicks, too-many, two-clicks");
        assertEngineFails(kit("gold").configurationParameter("gauntlet.workers", "0"),
                "'gauntlet.workers' is '0' but must be 1 or more");
        assertEngineFails(kit("gold").configurationParameter("counter.unavailable", "yes"),
                "nothing can run; counter: 'counter.url' does not answer");
        assertEngineFails(kit("gold").configurationParameter("gauntlet.seeds", "many"),
                "'gauntlet.seeds' is 'many' but must be a count (5), a list (3,7,11) or a range (10..14)");
    }

    @Test
    void aConfigurationErrorIsAFailedTestSoEveryRunnerShowsIt() {
        var events = kit("nobody").execute().testEvents();
        events.assertThatEvents().haveExactly(1, event(test("configuration"),
                finishedWithFailure(message("unknown agent 'nobody'; available: clicker, gold, thrower"))));
    }

    @Test
    void nothingIsDiscoveredWithoutTheMarkerOrOwnIds() {
        EngineExecutionResults results = EngineTestKit.engine(GauntletTestEngine.ENGINE_ID)
                .selectors(DiscoverySelectors.selectClass(GauntletTestEngineTests.class)).execute();
        assertEquals(0, results.testEvents().count());
    }

    @Test
    void aMalformedTaskEntryIsADiscoveryIssueAndTheOtherTasksStillRun() {
        var discovery = kit("gold").configurationParameter("counter.malformed", "yes").discover();
        assertTrue(discovery.getDiscoveryIssues().stream()
                .anyMatch(i -> i.message().contains("tasks.json line 3") && i.message().contains("'target'")));
        assertEquals(10, discovery.getEngineDescriptor().getDescendants().stream()
                .filter(d -> d.getType().isTest()).count());
    }

    @Test
    void buildGateFailsBelowMinimumAndOnConfigErrorsOnly() throws Exception {
        kit("clicker:times=2").configurationParameter("gauntlet.tasks", "two-clicks,three-clicks").execute();
        Path record = runs.resolve(BuildGate.FILE);
        assertEquals(null, BuildGate.check(record, ""));
        assertEquals(null, BuildGate.check(record, "0.5"));
        assertEquals("success rate 0.500 (2/4) is below gauntlet.minSuccess=0.6", BuildGate.check(record, "0.6"));
        kit("nobody").execute();
        assertTrue(BuildGate.check(record, "").startsWith("the benchmark could not start: unknown agent 'nobody'"));
    }

    private static void assertEngineFails(EngineTestKit.Builder kit, String expected) {
        Optional<Throwable> failure = kit.execute().allEvents().finished().list().stream()
                .filter(e -> e.getTestDescriptor().getUniqueId().toString().equals("[engine:gauntlet]"))
                .findFirst().orElseThrow().getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable);
        assertEquals(expected, failure.orElseThrow().getMessage());
    }
}
