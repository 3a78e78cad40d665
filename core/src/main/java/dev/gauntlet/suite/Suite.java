package dev.gauntlet.suite;

import dev.gauntlet.api.EnvironmentUnavailableException;
import dev.gauntlet.api.Setting;

import java.util.List;

/**
 * A benchmark's definition: its name, its settings and defaults, and how to open its tasks. Found by
 * {@link java.util.ServiceLoader} (list it in {@code META-INF/services/dev.gauntlet.suite.Suite}); holds no state of
 * a run: {@link #open} returns that state as a {@link TaskSet}, which the harness closes at the end of the run.
 *
 * <p>A suite never knows which agent runs it.
 */
public interface Suite {

    /** Returns the name users select it by ({@code -Dsuite=miniwob}). */
    String name();

    /**
     * Reads the run's configuration and opens this suite's tasks: loads them, starts built-in sites. Problems with
     * single tasks (a malformed entry) are reported through {@link SuiteContext#problem} and must not stop the other
     * tasks from loading; a bad setting is a {@link dev.gauntlet.api.ConfigException} naming the key.
     *
     * @throws EnvironmentUnavailableException when the configured source cannot be used at all
     */
    TaskSet open(SuiteContext context) throws Exception;

    /** Returns the configuration keys this suite reads, with their defaults (validated and listed in the README). */
    default List<Setting<?>> settings() {
        return List.of();
    }

    /** Returns the suite's default step limit (the run's {@code gauntlet.maxSteps} overrides it). */
    default int defaultMaxSteps() {
        return 30;
    }

    /** Returns the suite's default seeds, in {@code gauntlet.seeds} syntax (the run's {@code -Dseeds=} overrides it). */
    default String defaultSeeds() {
        return "3";
    }
}
