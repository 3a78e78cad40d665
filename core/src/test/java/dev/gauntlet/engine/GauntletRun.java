package dev.gauntlet.engine;

import dev.gauntlet.api.Constants;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.nio.file.Path;
import java.util.Map;

/**
 * Runs the gauntlet engine from a test through JUnit's {@link EngineTestKit}, with the setting every such test wants
 * already made: the leaderboard is off unless {@link #leaderboard} names a file. Shared with other modules' tests
 * through core's test-jar.
 * <pre>
 * Events episodes = GauntletRun.of(Benchmark.class).suite("miniwob").agent("replay").seeds("2")
 *         .runsDir(runs).screenshots("none").testEvents();
 * </pre>
 */
public final class GauntletRun {

    private final EngineTestKit.Builder kit;

    private GauntletRun(DiscoverySelector selector) {
        kit = EngineTestKit.engine(GauntletTestEngine.ENGINE_ID).selectors(selector)
                .configurationParameter(Constants.LEADERBOARD, "off");
    }

    /** Starts a run of the benchmark that the marker class ({@code @GauntletBenchmark}) stands for. */
    public static GauntletRun of(Class<?> marker) {
        return new GauntletRun(DiscoverySelectors.selectClass(marker));
    }

    /** Starts a run of what one selector picks, e.g. a unique id that names one episode. */
    public static GauntletRun of(DiscoverySelector selector) {
        return new GauntletRun(selector);
    }

    public GauntletRun suite(String suite) {
        return set(Constants.SUITE, suite);
    }

    public GauntletRun agent(String agent) {
        return set(Constants.AGENT, agent);
    }

    public GauntletRun tasks(String tasks) {
        return set(Constants.TASKS, tasks);
    }

    /** Sets the seeds as the key reads them: a count ({@code 5}), a list ({@code 3,7}) or a range ({@code 0..0}). */
    public GauntletRun seeds(String seeds) {
        return set(Constants.SEEDS, seeds);
    }

    public GauntletRun workers(int workers) {
        return set(Constants.WORKERS, Integer.toString(workers));
    }

    /** Sets {@code steps}, {@code final} or {@code none}. */
    public GauntletRun screenshots(String which) {
        return set(Constants.SCREENSHOTS, which);
    }

    public GauntletRun runsDir(Path runs) {
        return set(Constants.RUNS_DIR, runs.toString());
    }

    /** Writes the leaderboard to {@code file} at the end of the run. */
    public GauntletRun leaderboard(Path file) {
        return set(Constants.LEADERBOARD, file.toString());
    }

    /** Sets any configuration key, a suite's or an agent's included; a later value replaces an earlier one. */
    public GauntletRun set(String key, String value) {
        kit.configurationParameter(key, value);
        return this;
    }

    public GauntletRun set(Map<String, String> settings) {
        settings.forEach(this::set);
        return this;
    }

    public EngineDiscoveryResults discover() {
        return kit.discover();
    }

    public EngineExecutionResults execute() {
        return kit.execute();
    }

    /** Executes the run and returns the events of its tests (episodes), leaving out containers. */
    public Events testEvents() {
        return execute().testEvents();
    }
}
