package dev.gauntlet.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.nio.file.Path;

import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;

/** A browser that dies breaks only its episode; the worker launches a new one and the run goes on. */
class BrowserRecoveryTests {

    @TempDir
    Path runs;

    @Test
    void deadBrowserBreaksOneEpisodeAndTheNextGetsANewBrowser() {
        EngineTestKit.engine(GauntletTestEngine.ENGINE_ID)
                .selectors(DiscoverySelectors.selectClass(Benchmark.class))
                .configurationParameter("gauntlet.suite", "crashy")
                .configurationParameter("gauntlet.agent", "clicker")
                .configurationParameter("gauntlet.seeds", "0,1,2")
                .configurationParameter("gauntlet.runsDir", runs.toString())
                .configurationParameter("gauntlet.leaderboard", "off")
                .configurationParameter("gauntlet.screenshots", "none")
                .execute().testEvents().assertThatEvents()
                .haveExactly(1, event(displayName("press [seed 0]"), finishedWithFailure(instanceOf(EpisodeBrokenException.class))))
                .haveExactly(1, event(displayName("press [seed 1]"), finishedSuccessfully()))
                .haveExactly(1, event(displayName("press [seed 2]"), finishedSuccessfully()));
    }
}
