package dev.gauntlet.api;

import java.util.List;
import java.util.Optional;

/**
 * One running episode: the agent observes, acts, and the harness asks whether it is over. Holds browser resources,
 * so it is closed by the harness after evaluation.
 */
public interface Episode extends AutoCloseable {

    /** Returns what the agent sees now. */
    Observation observe() throws Exception;

    /**
     * Performs {@code action}. A failure the agent caused (no such element, a timeout waiting for it) is returned as
     * the error text, which the next observation shows; an exception means the harness or the site broke.
     *
     * @return {@code null} on success, else the error the agent will see
     */
    String act(Action action) throws Exception;

    /** Tells whether the environment ended the episode (MiniWoB's done flag, WebShop's purchase). */
    boolean done() throws Exception;

    /**
     * Returns why the task can no longer be scored because the agent left its page (MiniWoB's page gave way to an
     * error page or another origin, where its done flag no longer exists), or {@code null} while it can. The engine
     * asks after each observation and then ends the episode as failed with this reason: leaving the task is the
     * agent's doing, not a broken harness.
     */
    default String leftTask() throws Exception {
        return null;
    }

    /** Returns the task's gold solution for this seed, when the suite has one (the {@code replay} agent uses it). */
    default List<Action> demonstration() throws Exception {
        return List.of();
    }

    /** Returns the live page for evaluators that inspect it, if this episode runs in a browser. */
    default Optional<BrowserPage> page() {
        return Optional.empty();
    }

    @Override
    void close();
}
