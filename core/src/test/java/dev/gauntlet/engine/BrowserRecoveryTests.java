package dev.gauntlet.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/** A browser that dies breaks only its episode; the worker launches a new one and the run goes on. */
class BrowserRecoveryTests {

    @TempDir
    Path runs;

    @Test
    void deadBrowserBreaksOneEpisodeAndTheNextGetsANewBrowser() {
        GauntletRun.of(Benchmark.class).suite("crashy").agent("clicker").seeds("0,1,2").runsDir(runs)
                .screenshots("none").testEvents().assertThatEvents()
                .haveExactly(1, event(displayName("press [seed 0]"), finishedWithFailure(instanceOf(EpisodeBrokenException.class))))
                .haveExactly(1, event(displayName("press [seed 1]"), finishedSuccessfully()))
                .haveExactly(1, event(displayName("press [seed 2]"), finishedSuccessfully()));
    }

    @Test
    void aPageThatStopsAnsweringBreaksItsEpisodeAfterTheLimitAndTheNextGetsANewBrowser() {
        GauntletRun.of(Benchmark.class).suite("crashy").agent("clicker").seeds("1,2").set("crashy.hang", "1")
                .set("gauntlet.episodeTimeoutS", "1").runsDir(runs).screenshots("none").testEvents().assertThatEvents()
                .haveExactly(1, event(displayName("press [seed 1]"), finishedWithFailure(
                        instanceOf(EpisodeBrokenException.class), message(m -> m.contains("stopped answering")))))
                .haveExactly(1, event(displayName("press [seed 2]"), finishedSuccessfully()));
    }
}
