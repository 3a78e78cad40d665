package dev.gauntlet.suites.toy;

import dev.gauntlet.api.GauntletBenchmark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * CONTRIBUTING.md's promise: a new suite is one package and one service line. {@link ToySuite} is that package; the
 * line is written here into a folder put on the class path for the run only (a service file in the test resources
 * would add the toy suite to every {@code -Dsuite=all} benchmark run).
 */
class ToySuiteTests {

    @GauntletBenchmark
    static class Benchmark {}

    @TempDir
    Path dir;

    private EngineExecutionResults run(String agent, String... more) throws Exception {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve("dev.gauntlet.suite.Suite"), ToySuite.class.getName() + "\n");
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, before)) {
            Thread.currentThread().setContextClassLoader(loader);
            var kit = EngineTestKit.engine("gauntlet").selectors(selectClass(Benchmark.class))
                    .configurationParameter("gauntlet.suite", "toy")
                    .configurationParameter("gauntlet.agent", agent)
                    .configurationParameter("gauntlet.screenshots", "none")
                    .configurationParameter("gauntlet.runsDir", dir.resolve("runs").toString())
                    .configurationParameter("gauntlet.leaderboard", "off")
                    .configurationParameter("gauntlet.report.html", "false");
            for (int i = 0; i < more.length; i += 2) {
                kit.configurationParameter(more[i], more[i + 1]);
            }
            return kit.execute();
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    @Test
    void aSuiteWrittenFromTheGuideRunsWithItsOwnKeyAndDefaults() throws Exception {
        var events = run("replay", "toy.tasks", "3").testEvents();
        assertEquals(3, events.started().count(), "toy.tasks=3 makes three tasks, one seed each (the suite's default)");
        assertEquals(3, events.succeeded().count(), () -> events.failed().list().toString());
    }

    @Test
    void itsOracleReadsThePageAndFailsAnEpisodeCutShort() throws Exception {
        var events = run("replay", "toy.tasks", "2", "gauntlet.maxSteps", "1").testEvents();
        assertEquals(1, events.succeeded().count(), "press-1 needs one step");
        var failed = events.failed().list();
        assertEquals(1, failed.size());
        assertTrue(String.valueOf(failed.get(0).getPayload()).contains("pressed 1 of 2 times"), failed.toString());
    }

    @Test
    void aBadValueOfItsKeyStopsTheRunNamingTheKey() throws Exception {
        var results = run("replay", "toy.tasks", "zero");
        var failures = results.allEvents().failed().list();
        assertTrue(failures.stream().anyMatch(e -> String.valueOf(e.getPayload()).contains("'toy.tasks' is 'zero'")),
                failures.toString());
        assertEquals(0, results.testEvents().started().filter(e -> e.getTestDescriptor().getUniqueId().toString()
                .contains("[task:")).count());
    }
}
