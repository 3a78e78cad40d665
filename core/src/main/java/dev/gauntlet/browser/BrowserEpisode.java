package dev.gauntlet.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.gauntlet.api.Action;
import dev.gauntlet.api.BrowserPage;
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
    /** The probe's value from the latest observation, until the next action changes the page. */
    private Object probed;
    /** The page's address as the latest observation saw it (Chromium's error page included). */
    private String seenUrl;
    /** The latest observation, until the next action: its views are built before an action that needs the ids. */
    private Observation latest;
    /** The first observation, read by the suite's start script ({@link #primeObservation}), until observed. */
    private Observation primed;

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

    /**
     * Returns a JavaScript expression evaluated with every observation, in the same round trip (MiniWoB's done flag),
     * or {@code null}; its value is {@link #probed()} until the next action.
     */
    protected String probe() {
        return null;
    }

    /** Returns the probe's value from the latest observation, or {@code null} when an action came since. */
    protected Object probed() {
        return probed;
    }

    /**
     * Returns the page the task lives on, for suites that can score a task only there (MiniWoB), or {@code null}
     * when the agent may go anywhere the fence allows.
     */
    protected String taskPage() {
        return null;
    }

    /**
     * Gives the episode's first observation from what the suite's start script read in its own round trip: the
     * page's address and title and the value of {@link #probe()}, read at the end of that script. The first
     * {@link #observe()} returns it (lazy, its views built when read) instead of asking the page again; an action
     * before that drops it.
     */
    protected void primeObservation(String url, String title, Object probed) throws Exception {
        primed = PageObserver.lazy(executor.page(), instruction(), lastError, url, title,
                probe() == null ? null : probed);
    }

    /** Adds suite-specific views to the generic observation. */
    protected Observation decorate(Observation observation) throws Exception {
        return observation;
    }

    /** Performs a suite's native action; returns the agent-facing error or {@code null}. */
    protected String performNative(Action.Native action) throws Exception {
        return "this suite has no native action '" + action.text() + "'";
    }

    /**
     * Observes lazily: the views (accessibility text, pruned HTML, elements) are built when the agent first reads
     * one, or before an action that names an element by id, so the ids are the ones an eager observation would have
     * given (an agent may act on an id it never read).
     */
    @Override
    public Observation observe() throws Exception {
        Observation observation = primed != null ? primed
                : PageObserver.observe(executor.page(), instruction(), lastError, probe(), true);
        primed = null;
        probed = observation.extras().get(Observation.PROBE);
        seenUrl = observation.url();
        latest = observation;
        return decorate(observation);
    }

    @Override
    public String act(Action action) throws Exception {
        if (latest != null && !latest.viewBuilt() && ActionExecutor.namesElementId(action)) {
            latest.elements(); // the ids are given by the walk
        }
        latest = null;
        probed = null;
        primed = null;
        String error = action instanceof Action.Native n ? performNative(n) : executor.perform(action);
        lastError = error == null ? "" : error;
        return error;
    }

    @Override
    public String leftTask() {
        String home = taskPage();
        if (home == null) {
            return null;
        }
        String now = seenUrl == null ? executor.page().url() : seenUrl;
        return withoutFragment(now).equals(withoutFragment(home)) ? null : "left the task page (now at " + now + ")";
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    @Override
    public Optional<BrowserPage> page() {
        return Optional.of(new PlaywrightPage(executor.page()));
    }

    @Override
    public void close() {
        executor.release();
        if (ownsContext) {
            try {
                context.close();
            } catch (RuntimeException ignored) {
                // the browser may already be gone; the worker replaces it
            }
        }
    }
}
