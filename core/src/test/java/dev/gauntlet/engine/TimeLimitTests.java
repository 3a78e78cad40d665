package dev.gauntlet.engine;

import dev.gauntlet.api.EpisodeResult;
import dev.gauntlet.api.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.Events;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/**
 * Time limits blame the right party: a slow or hung agent fails its steps (the agent's fault, the episode goes on),
 * an episode out of time is scored where it stopped, and a site that stops answering makes the episode broken.
 * Bounded by the limits themselves (1 s each); nothing here asserts a duration.
 */
class TimeLimitTests {

    @TempDir
    Path runs;

    private GauntletRun kit(String agent, String tasks) {
        return GauntletRun.of(Benchmark.class).suite("counter").agent(agent).tasks(tasks).seeds("1").runsDir(runs);
    }

    private static EpisodeResult only() {
        assertEquals(1, RecordingListener.LAST_RUN.size());
        return RecordingListener.LAST_RUN.get(0);
    }

    @Test
    void anAgentSlowerThanTheStepLimitFailsThatStepAndTheEpisodeGoesOn() {
        kit("slow:ms=3000", "two-clicks").set("gauntlet.stepTimeoutS", "1").testEvents().assertThatEvents()
                .haveExactly(1, event(test("two-clicks"), finishedWithFailure()));
        EpisodeResult r = only();
        assertEquals(EpisodeResult.Status.FAILED, r.status());
        List<Step> steps = r.trajectory().steps();
        assertEquals(2, steps.size(), "two late steps, then the suite's two-failures rule ends the episode");
        assertEquals("agent error: no action within gauntlet.stepTimeoutS=1 s", steps.get(0).error());
    }

    @Test
    void anAgentThatNeverAnswersFailsItsStepsAndTheRunFinishes() {
        kit("slow:hang=yes", "two-clicks").set("gauntlet.stepTimeoutS", "1").testEvents().assertThatEvents()
                .haveExactly(1, event(test("two-clicks"), finishedWithFailure()));
        assertTrue(only().trajectory().steps().stream().allMatch(s -> s.error().contains("gauntlet.stepTimeoutS")));
    }

    @Test
    void anEpisodeOutOfTimeEndsAndIsScoredWhereItStoppedAsTheAgentsFailure() {
        // too-many needs nine clicks; at 400 ms a step the 1 s limit ends it after a few
        kit("slow:ms=400", "too-many").set("gauntlet.episodeTimeoutS", "1").set("gauntlet.maxSteps", "20")
                .testEvents().assertThatEvents().haveExactly(1, event(test("too-many"),
                        finishedWithFailure(message(m -> m.startsWith("the episode ran out of time"
                                + " (gauntlet.episodeTimeoutS=1 s): ")))));
        EpisodeResult r = only();
        assertEquals("episode-timeout", r.trajectory().stopReason());
        assertTrue(r.steps() < 9, "stopped before the task was done: " + r.steps());
    }

    @Test
    void aSiteThatStopsAnsweringMakesTheEpisodeBrokenAndTheRunGoesOn() {
        Events events = kit("gold", "two-clicks,three-clicks").set("counter.hangs", "two-clicks")
                .set("gauntlet.episodeTimeoutS", "1").testEvents();
        events.assertThatEvents()
                .haveExactly(1, event(test("two-clicks"), finishedWithFailure(instanceOf(EpisodeBrokenException.class),
                        message(m -> m.contains("the site or browser stopped answering (still busy 1 s after"
                                + " gauntlet.episodeTimeoutS=1 s)")))))
                .haveExactly(1, event(test("three-clicks"), org.junit.platform.testkit.engine.EventConditions
                        .finishedSuccessfully()));
    }
}
