package dev.gauntlet.api;

/**
 * A benchmark: lists its tasks and starts episodes of them. Found by {@link java.util.ServiceLoader}; one instance
 * serves a whole run, from any number of worker threads, and is closed at its end.
 *
 * <p>A suite never knows which agent runs it.
 */
public interface Suite extends AutoCloseable {

    /** Returns the name users select it by ({@code -Dsuite=miniwob}). */
    String name();

    /**
     * Lists the tasks of this suite under the run's configuration. Problems with single tasks (a malformed entry)
     * are reported through {@link SuiteContext#problem} and must not stop the other tasks from loading.
     *
     * @throws EnvironmentUnavailableException when the configured source cannot be used at all
     */
    java.util.List<Task> discover(SuiteContext context) throws Exception;

    /**
     * Starts one episode of {@code task} with {@code seed} in the worker's browser.
     *
     * @throws EnvironmentUnavailableException when something the task needs is not there (the test is skipped)
     */
    Episode start(Task task, long seed, EpisodeContext context) throws Exception;

    /** Returns the suite's default step limit. */
    default int defaultMaxSteps() {
        return 30;
    }

    /**
     * Tells whether the episode must stop before its step limit (WebArena stops after 3 unparsable outputs or 3
     * identical actions in a row). Called after every step.
     *
     * @return the reason to stop (it becomes the trajectory's stop reason), or {@code null} to go on
     */
    default String stopEarly(Task task, java.util.List<Step> steps) {
        return null;
    }

    /**
     * Returns the ids of this suite's tasks that must have finished before {@code task} starts (WebArena's
     * dependency list: a task that reads what another one writes). The engine holds an episode back until the
     * episodes of those tasks, for the same agent, are done, so several workers still respect the order. Tasks that
     * are not selected are ignored.
     */
    default java.util.Set<String> dependsOn(Task task) {
        return java.util.Set.of();
    }

    /**
     * Tells whether the sites keep state across episodes and must be restored before each agent's episodes (WebArena's
     * sites are changed by the tasks). When any suite of a run says so, the engine runs the agents one after another,
     * calling {@link #beforeAgent} before each agent's episodes with no episode of the run in flight.
     */
    default boolean resetsBetweenAgents(Config config) {
        return false;
    }

    /**
     * Restores the suite's sites before the episodes of {@code agent} start; called only when
     * {@link #resetsBetweenAgents} is true, once per agent in the order the agents were given (so once before the
     * suite when there is one agent). A failure should make this agent's episodes skip with the reason (throw
     * {@link EnvironmentUnavailableException} from {@link #start}); what this method throws is logged.
     */
    default void beforeAgent(String agent, Config config) throws Exception {}

    /** Describes where the tasks came from (built-in, or an upstream path and its content hash) for the manifest. */
    default String source(SuiteContext context) {
        return "built-in";
    }

    @Override
    default void close() throws Exception {}
}
