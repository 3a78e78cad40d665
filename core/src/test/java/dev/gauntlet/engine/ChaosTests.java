package dev.gauntlet.engine;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.Events;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/**
 * Chaos (issue 15 item 5): Chromium killed under about one episode in ten, a site that answers 500 or never answers.
 * Every episode is still reported, only the episodes hit are broken, broken ones run again when asked, and the run
 * finishes. Bounded: one worker, a navigation limit of one second.
 */
class ChaosTests {

    private static final int SEEDS = 30;

    @TempDir
    Path runs;

    @BeforeEach
    void forget() {
        ChaosSuite.reset();
    }

    private GauntletRun kit() {
        return GauntletRun.of(Benchmark.class).suite("chaos").agent("clicker").seeds(Integer.toString(SEEDS))
                .workers(1).runsDir(runs).screenshots("none").set("gauntlet.navigationTimeoutMs", "1000");
    }

    @Test
    void chromiumKilledInAboutOneEpisodeInTenBreaksOnlyThoseAndRetriesRecoverThem() {
        Events first = kit().set("chaos.kill", "10").testEvents();
        int killed = ChaosSuite.KILLED.size();
        assertTrue(killed >= 1 && killed <= SEEDS / 4, "about one in ten: " + ChaosSuite.KILLED);
        assertEquals(SEEDS, first.finished().count(), "every episode is reported");
        first.assertThatEvents()
                .haveExactly(killed, event(finishedWithFailure(instanceOf(EpisodeBrokenException.class),
                        message(m -> m.startsWith("harness or site error")))))
                .haveExactly(SEEDS - killed, event(finishedSuccessfully()));

        Events again = kit().set("chaos.kill", "10").set("gauntlet.resume", "latest").set("gauntlet.retryBroken", "3")
                .testEvents();
        assertEquals(killed, again.started().count(), "only the broken episodes run again");
        long stillBroken = again.failed().count();
        assertEquals(ChaosSuite.KILLED.size() - killed, stillBroken, "a rerun breaks only when killed again");

        Events kept = kit().set("chaos.kill", "10").set("gauntlet.resume", "latest").testEvents();
        assertEquals(0, kept.started().count(), "the run is complete");
        kept.assertThatEvents().haveExactly((int) (SEEDS - stillBroken),
                event(skippedWithReason("kept from the run being resumed: passed")));
    }

    @Test
    void aSiteAnswering500BreaksThoseEpisodesWithTheStatusAndTheRestPass() {
        Events events = kit().seeds("8").set("chaos.site", "500").testEvents();
        events.assertThatEvents()
                .haveExactly(2, event(finishedWithFailure(instanceOf(EpisodeBrokenException.class),
                        message(m -> m.contains("answered HTTP 500")))))
                .haveExactly(6, event(finishedSuccessfully()));
    }

    @Test
    void aSiteThatNeverAnswersBreaksThoseEpisodesAtTheNavigationLimitAndTheRunGoesOn() {
        Events events = kit().seeds("6").set("chaos.site", "hang").testEvents();
        events.assertThatEvents()
                .haveExactly(2, event(finishedWithFailure(instanceOf(EpisodeBrokenException.class),
                        message(m -> m.contains("Timeout 1000ms exceeded")))))
                .haveExactly(4, event(finishedSuccessfully()));
    }
}
