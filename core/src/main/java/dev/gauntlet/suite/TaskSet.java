package dev.gauntlet.suite;

import dev.gauntlet.api.EnvironmentUnavailableException;
import dev.gauntlet.api.Episode;
import dev.gauntlet.api.Task;

import java.util.List;

/**
 * A suite's tasks as opened for one run, with whatever the run needs of them (built-in sites, loaded files). Starts
 * episodes from any number of worker threads and is closed at the end of the run. Optional behaviours are separate
 * interfaces a task set implements: {@link EarlyStop}, {@link TaskDependencies}, {@link StatefulSites}.
 */
public interface TaskSet extends AutoCloseable {

    /** Returns the tasks, in the suite's order. */
    List<Task> tasks();

    /**
     * Starts one episode of {@code task} with {@code seed} in the worker's browser.
     *
     * @throws EnvironmentUnavailableException when something the task needs is not there (the test is skipped)
     */
    Episode start(Task task, long seed, EpisodeContext context) throws Exception;

    /**
     * Returns the judges that score these tasks when the run names none ({@code gauntlet.judge} unset): the live-web
     * suites, which no oracle can score, name their benchmark's own judge. Empty by default.
     */
    default List<String> defaultJudges() {
        return List.of();
    }

    /** Describes where the tasks came from (built-in, or an upstream path and its content hash) for the manifest. */
    default String source() {
        return "built-in";
    }

    @Override
    default void close() throws Exception {}

    /** Returns a task set of fixed tasks whose episodes {@code starter} starts. */
    static TaskSet of(List<Task> tasks, Starter starter) {
        return new BasicTaskSet(tasks, "built-in") {
            @Override
            public Episode start(Task task, long seed, EpisodeContext context) throws Exception {
                return starter.start(task, seed, context);
            }
        };
    }

    /** Starts an episode; the one method of a simple task set. */
    @FunctionalInterface
    interface Starter {
        Episode start(Task task, long seed, EpisodeContext context) throws Exception;
    }
}
