package dev.gauntlet.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.gauntlet.api.Action;
import dev.gauntlet.api.Episode;
import dev.gauntlet.api.Observation;
import dev.gauntlet.api.Task;

import java.util.Optional;

/**
 * An episode in a browser: observations come from {@link PageObserver}, generic actions from
 * {@link ActionExecutor}. Suites extend it with their done rule, instruction and native actions.
 */
public abstract class BrowserEpisode implements Episode {

    protected final Task task;
    protected final long seed;
    protected final BrowserContext context;
    protected final ActionExecutor executor;
    private final boolean ownsContext;
    private String lastError = "";

    /**
     * @param ownsContext whether closing the episode closes the context (false for a page reused across episodes)
     */
    protected BrowserEpisode(Task task, long seed, BrowserContext context, Page page, boolean ownsContext) {
        this.task = task;
        this.seed = seed;
        this.context = context;
        this.executor = new ActionExecutor(context, page);
        this.ownsContext = ownsContext;
    }

    /** Returns the instruction shown to the agent (the task's, unless the page generates one). */
    protected String instruction() throws Exception {
        return task.instruction();
    }

    /** Adds suite-specific views to the generic observation. */
    protected Observation decorate(Observation observation) throws Exception {
        return observation;
    }

    /** Performs a suite's native action; returns the agent-facing error or {@code null}. */
    protected String performNative(Action.Native action) throws Exception {
        return "this suite has no native action '" + action.text() + "'";
    }

    @Override
    public Observation observe() throws Exception {
        return decorate(PageObserver.observe(executor.page(), instruction(), lastError));
    }

    @Override
    public String act(Action action) throws Exception {
        String error = action instanceof Action.Native n ? performNative(n) : executor.perform(action);
        lastError = error == null ? "" : error;
        return error;
    }

    @Override
    public Optional<Page> page() {
        return Optional.of(executor.page());
    }

    @Override
    public void close() {
        if (ownsContext) {
            try {
                context.close();
            } catch (RuntimeException ignored) {
                // the browser may already be gone; the worker replaces it
            }
        }
    }
}
