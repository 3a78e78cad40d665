package dev.gauntlet.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
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

    private GauntletRun kit(String agent) {
        return GauntletRun.of(Benchmark.class).suite("counter").agent(agent).seeds("2").runsDir(runs);
    }

    @Test
    void everyTaskAndSeedIsATest() {
        assertEquals(10, kit("gold").testEvents().finished().count(), "5 tasks x 2 seeds");
    }

    @Test
    void anEpisodesIdIsStableAndItsTagsComeFromTheTask() {
        Event first = kit("gold").testEvents().started().list().stream()
                .filter(e -> e.getTestDescriptor().getUniqueId().toString().contains("two-clicks"))
                .findFirst().orElseThrow();
        UniqueId id = first.getTestDescriptor().getUniqueId();
        assertEquals("[engine:gauntlet]/[suite:counter]/[task:two-clicks]/[seed:0]", id.toString());
        assertTrue(first.getTestDescriptor().getTags().contains(TestTag.create("site:counter")));
        assertTrue(first.getTestDescriptor().getTags().contains(TestTag.create("category:click")));
    }

    @Test
    void anEpisodeTheAgentSolvesPasses() {
        kit("gold").tasks("*-clicks").testEvents().assertThatEvents()
                .haveExactly(2, event(test("two-clicks"), finishedSuccessfully()))
                .haveExactly(2, event(test("three-clicks"), finishedSuccessfully()));
    }

    @Test
    void anEpisodeThatRunsOutOfStepsFailsWithTheVerdictExplanation() {
        // the gold plan of too-many needs 9 clicks; the suite allows 5 steps
        kit("gold").tasks("too-many").testEvents().assertThatEvents()
                .haveExactly(2, event(test("too-many"), finishedWithFailure(message("5 of 9 clicks"))));
    }

    @Test
    void anEpisodeWhoseSiteIsMissingIsSkippedNamingTheKey() {
        kit("gold").tasks("needs-site").testEvents().assertThatEvents()
                .haveExactly(2, event(test("needs-site"), abortedWithReason(message("'counter.site' is not set"))));
    }

    @Test
    void anEpisodeWhoseSiteCrashesIsBroken() {
        kit("gold").tasks("crashes").testEvents().assertThatEvents()
                .haveExactly(2, event(test("crashes"), finishedWithFailure(instanceOf(EpisodeBrokenException.class),
                        message(m -> m.contains("the site fell over")))));
    }

    @Test
    void agentFailureIsAFailedTestWithTheVerdictExplanation() {
        kit("clicker:times=1").tasks("two-clicks").testEvents().assertThatEvents()
                .haveExactly(2, event(test("two-clicks"), finishedWithFailure(message("1 of 2 clicks"))));
    }

    @Test
    void everyAgentHearsItsEpisodesResultAtTheEnd() {
        TestAgents.Clicker.HEARD.clear();
        kit("clicker:times=1").tasks("two-clicks,crashes,needs-site").seeds("0..0").execute();
        assertEquals(java.util.Set.of("two-clicks 0 failed", "crashes 0 broken", "needs-site 0 skipped"),
                java.util.Set.copyOf(TestAgents.Clicker.HEARD));
        assertEquals(3, TestAgents.Clicker.HEARD.size(), "once per episode");
    }

    @Test
    void throwingAgentRecordsStepErrorsAndTheEpisodeEndsAtTheStepLimit() {
        kit("thrower").tasks("two-clicks").seeds("0..0").testEvents().assertThatEvents()
                .haveExactly(1, event(test("two-clicks"), finishedWithFailure(message("0 of 2 clicks"))));
    }

    @Test
    void latestInTheRunsFolderPointsAtTheRun() {
        kit("gold").tasks("two-clicks").seeds("0..0").execute();
        assertTrue(Files.isDirectory(runs.resolve("latest")), "runs/latest points at the run");
    }

    @Test
    void suiteEarlyStopEndsTheEpisodeBeforeTheStepLimit() {
        kit("thrower").tasks("two-clicks").seeds("0..0").execute();
        var result = RecordingListener.LAST_RUN.get(0);
        assertEquals(2, result.steps(), "2 steps, not the limit of 5");
        assertEquals("early-stop: 2 failed actions in a row", result.trajectory().stopReason());
        assertEquals("Click element 1 exactly 2 times.", result.trajectory().instruction());
        assertTrue(result.trajectory().steps().get(0).error().contains("model output was not JSON"));
    }

    @Test
    void uniqueIdSelectorRerunsExactlyOneEpisodeEvenForAnUnconfiguredSeed() {
        EngineExecutionResults results = GauntletRun.of(DiscoverySelectors.selectUniqueId(
                "[engine:gauntlet]/[suite:counter]/[task:three-clicks]/[seed:7]")).agent("gold").runsDir(runs)
                .execute();
        List<Event> finished = results.testEvents().finished().list();
        assertEquals(1, finished.size());
        assertEquals("[engine:gauntlet]/[suite:counter]/[task:three-clicks]/[seed:7]",
                finished.get(0).getTestDescriptor().getUniqueId().toString());
        results.testEvents().assertThatEvents().haveExactly(1, event(finishedSuccessfully()));
    }

    @Test
    void severalAgentsAddAnAgentLevel() {
        List<String> ids = kit("gold;clicker:times=2").tasks("two-clicks").seeds("0..0").testEvents().finished()
                .list().stream().map(e -> e.getTestDescriptor().getUniqueId().toString()).sorted().toList();
        assertEquals(List.of(
                "[engine:gauntlet]/[suite:counter]/[task:two-clicks]/[agent:clicker%3Atimes=2]/[seed:0]",
                "[engine:gauntlet]/[suite:counter]/[task:two-clicks]/[agent:gold]/[seed:0]"), ids);
    }

    @Test
    void aSuiteThatResetsBetweenAgentsGetsOneAgentAtATimeEachAfterItsReset() {
        CounterSuite.RESETS.clear();
        List<Event> events = kit("gold;clicker:times=2").tasks("*-clicks").workers(2).set("counter.reset", "yes")
                .testEvents().list();
        assertEquals(List.of("gold", "clicker:times=2"), CounterSuite.RESETS);
        List<String> order = events.stream()
                .map(e -> e.getType() + " " + e.getTestDescriptor().getUniqueId().getSegments().get(3).getValue())
                .toList();
        assertEquals(16, order.size(), order.toString()); // 2 tasks x 2 seeds x 2 agents, started + finished
        int lastGold = order.lastIndexOf("FINISHED gold");
        int firstClicker = order.indexOf("STARTED clicker:times=2");
        assertTrue(lastGold < firstClicker, "every gold episode ends before the first clicker episode: " + order);
    }

    @Test
    void aSuiteThatKeepsNoStateIsNeverReset() {
        CounterSuite.RESETS.clear();
        kit("gold;clicker:times=2").tasks("two-clicks").execute();
        assertEquals(List.of(), CounterSuite.RESETS, "suites that keep no state are never reset");
    }

    @Test
    void theAgentsStatedReasoningIsKeptWithEachStep() {
        kit("clicker:times=2").tasks("two-clicks").seeds("0..0").execute();
        var steps = RecordingListener.LAST_RUN.get(0).trajectory().steps();
        assertEquals(2, steps.size(), "the episode ends with the second click");
        assertTrue(steps.stream().allMatch(s -> s.reasoning().equals("click number 2")), steps.toString());
    }

    @Test
    void anAgentThatStatesNoReasoningRecordsNone() {
        kit("gold").tasks("two-clicks").seeds("0..0").execute();
        assertTrue(RecordingListener.LAST_RUN.get(0).trajectory().steps().stream().allMatch(s -> s.reasoning().isEmpty()),
                "an agent that states none records none");
    }

    @Test
    void aTaskWaitsForTheTasksItDependsOnEvenWithSeveralWorkers() {
        List<Event> events = kit("gold").tasks("*-clicks,too-many").seeds("3").workers(3).set("counter.depends", "yes")
                .testEvents().list();
        List<String> order = events.stream()
                .map(e -> e.getType() + " " + e.getTestDescriptor().getUniqueId().getSegments().get(2).getValue())
                .toList();
        assertEquals(18, order.size(), order.toString());
        assertTrue(order.lastIndexOf("FINISHED three-clicks") < order.indexOf("STARTED two-clicks"),
                "two-clicks is listed first but waits for three-clicks: " + order);
    }

    @Test
    void taskGlobsSelectTasks() {
        assertEquals(2, kit("gold").tasks("*-clicks,!three-*").testEvents().finished().count());
    }

    @Test
    void shardsSplitTheTasksWithoutOverlap() {
        List<String> all = new java.util.ArrayList<>();
        for (String shard : List.of("1/2", "2/2")) {
            kit("gold").set("gauntlet.shard", shard).seeds("0..0").testEvents().finished().list()
                    .forEach(e -> all.add(e.getTestDescriptor().getUniqueId().toString()));
        }
        assertEquals(5, all.size());
        assertEquals(5, all.stream().distinct().count());
    }

    @Test
    void aShardBeyondTheCountFailsTheRun() {
        assertEngineFails(kit("gold").set("gauntlet.shard", "3/2"),
                "'gauntlet.shard' is '3/2' but must be i/n with 1 <= i <= n, e.g. 2/4");
    }

    @Test
    void unknownAgentSuiteOrTaskFailsTheRunWithOneLineListingWhatExists() {
        assertEngineFails(kit("nobody"), "unknown agent 'nobody'; available: clicker, gold, slow, thrower");
        assertEngineFails(kit("gold").suite("nosuch"), "unknown suite 'nosuch'; available: chaos, counter, crashy, all");
        assertEngineFails(kit("gold").tasks("zzz*"),
                "no task matches gauntlet.tasks='zzz*'; tasks: crashes, needs-site, three-clicks, too-many, two-clicks");
    }

    @Test
    void aValueOutsideItsRangeFailsTheRunSayingWhatWouldDo() {
        assertEngineFails(kit("gold").workers(0), "'gauntlet.workers' is '0' but must be 1 or more");
        assertEngineFails(kit("gold").seeds("many"),
                "'gauntlet.seeds' is 'many' but must be a count (5), a list (3,7,11) or a range (10..14)");
    }

    @Test
    void aBadRetryBlockedFailsTheRunInOneLineNamingTheKey() {
        assertEngineFails(kit("gold").set("gauntlet.retryBlocked", "-1"),
                "'gauntlet.retryBlocked' is '-1' but must be 0 or more");
        assertEngineFails(kit("gold").set("gauntlet.retryBlocked", "x"),
                "'gauntlet.retryBlocked' is 'x' but must be a whole number, 0 or more");
    }

    @Test
    void aBadChoiceFailsTheRunNamingTheKeyAndTheAllowedValues() {
        assertEngineFails(kit("gold").screenshots("bogus"),
                "'gauntlet.screenshots' is 'bogus' but must be one of steps, final, none");
    }

    @Test
    void anUnknownJudgeFailsTheRunListingTheJudgesOnTheClassPath() {
        // core's tests register no judge, so the list is empty here; the suites module lists the five built-in ones
        assertEngineFails(kit("gold").set("gauntlet.judge", "nope"),
                "unknown judge 'nope' in gauntlet.judge; available: (none on the class path)");
    }

    @Test
    void everyBadValueIsOneLineAndAllAreSaidAtOnce() {
        assertEngineFails(kit("gold").screenshots("bogus").set("gauntlet.minSuccess", "2")
                        .set("gauntlet.browser.headless", "maybe"),
                "'gauntlet.minSuccess' is '2' but must be a number from 0 to 1\n"
                        + "'gauntlet.screenshots' is 'bogus' but must be one of steps, final, none\n"
                        + "'gauntlet.browser.headless' is 'maybe' but must be true or false");
    }

    @Test
    void aSuitesOwnKeyIsCheckedBeforeTheSuiteOpens() {
        assertEngineFails(kit("gold").set("counter.bonus", "-1").set("counter.unavailable", "yes"),
                "'counter.bonus' is '-1' but must be 0 or more");
    }

    @Test
    void anAgentThatCannotPrepareStopsTheRunBeforeAnyEpisode() {
        // Agent.prepare runs once at discovery: a model that cannot load is one line, not one failure per episode
        assertEngineFails(kit("thrower:refuse=missing"), "agent 'thrower' cannot load its model: missing");
        var events = kit("thrower:refuse=missing").execute().testEvents();
        assertEquals(0, events.started().filter(e -> e.getTestDescriptor().getUniqueId().toString()
                .contains("[seed:")).count());
    }

    @Test
    void aBadValueStartsNoEpisode() {
        var events = kit("gold").screenshots("bogus").execute().testEvents();
        assertEquals(0, events.started().filter(e -> e.getTestDescriptor().getUniqueId().toString()
                .contains("[seed:")).count());
    }

    @Test
    void theSuitesDefaultStepLimitAppliesWhenNoneIsConfigured() {
        // counter's default is 5 steps: a clicker that never stops is cut at 5 on a task that needs 9
        var events = kit("clicker:times=20").tasks("too-many").seeds("1").testEvents();
        events.assertThatEvents().haveExactly(1, event(finishedWithFailure(message(m -> m.contains("5 of 9")))));
    }

    @Test
    void aRunWhoseEverySuiteIsUnavailableFailsWithTheReasons() {
        assertEngineFails(kit("gold").set("counter.unavailable", "yes"),
                "nothing can run; counter: 'counter.url' does not answer");
    }

    @Test
    void aConfigurationErrorIsAFailedTestSoEveryRunnerShowsIt() {
        kit("nobody").testEvents().assertThatEvents().haveExactly(1, event(test("configuration"),
                finishedWithFailure(message("unknown agent 'nobody'; available: clicker, gold, slow, thrower"))));
    }

    @Test
    void nothingIsDiscoveredWithoutTheMarkerOrOwnIds() {
        assertEquals(0, GauntletRun.of(GauntletTestEngineTests.class).testEvents().count());
    }

    @Test
    void aMalformedTaskEntryIsADiscoveryIssueAndTheOtherTasksStillRun() {
        var discovery = kit("gold").set("counter.malformed", "yes").discover();
        assertTrue(discovery.getDiscoveryIssues().stream()
                .anyMatch(i -> i.message().contains("tasks.json line 3") && i.message().contains("'target'")));
        assertEquals(10, discovery.getEngineDescriptor().getDescendants().stream()
                .filter(d -> d.getType().isTest()).count());
    }

    @Test
    void buildGateFailsOnlyBelowTheMinimumSuccess() throws Exception {
        kit("clicker:times=2").tasks("two-clicks,three-clicks").execute();
        Path record = runs.resolve(BuildGate.FILE);
        assertEquals(null, BuildGate.check(record, ""));
        assertEquals(null, BuildGate.check(record, "0.5"));
        assertEquals("success rate 0.500 (2/4) is below gauntlet.minSuccess=0.6", BuildGate.check(record, "0.6"));
    }

    @Test
    void buildGateFailsOnAConfigurationError() throws Exception {
        kit("nobody").execute();
        Path record = runs.resolve(BuildGate.FILE);
        assertTrue(BuildGate.check(record, "").startsWith("the benchmark could not start: unknown agent 'nobody'"));
    }

    private static void assertEngineFails(GauntletRun kit, String expected) {
        Optional<Throwable> failure = kit.execute().allEvents().finished().list().stream()
                .filter(e -> e.getTestDescriptor().getUniqueId().toString().equals("[engine:gauntlet]"))
                .findFirst().orElseThrow().getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable);
        assertEquals(expected, failure.orElseThrow().getMessage());
    }
}
