package dev.gauntlet.suite;

/**
 * A task set whose sites keep state across episodes and must be restored before each agent's episodes (WebArena's
 * sites are changed by the tasks). When a task set of the run implements this and {@link #resetsBetweenAgents()} is
 * true, the engine runs the agents one after another, calling {@link #beforeAgent} before each agent's episodes with
 * no episode of the run in flight.
 */
public interface StatefulSites {

    /** Tells whether this run restores the sites (e.g. a reset command is configured). */
    boolean resetsBetweenAgents();

    /**
     * Restores the sites before the episodes of {@code agent} start; once per agent in the order the agents were
     * given. A failure should make this agent's episodes skip with the reason (throw
     * {@link dev.gauntlet.api.EnvironmentUnavailableException} from {@link TaskSet#start}); what this method throws
     * is logged.
     */
    void beforeAgent(String agent) throws Exception;
}
