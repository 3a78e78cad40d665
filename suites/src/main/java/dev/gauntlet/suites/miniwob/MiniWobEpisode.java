package dev.gauntlet.suites.miniwob;

import com.microsoft.playwright.Page;
import dev.gauntlet.api.Action;
import dev.gauntlet.api.ActionGrammar;
import dev.gauntlet.api.Task;
import dev.gauntlet.browser.BrowserEpisode;
import dev.gauntlet.browser.BrowserSession;
import dev.gauntlet.browser.Origins;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One MiniWoB episode. As upstream's gym does, a worker keeps the task page loaded and starts each episode by script:
 * stop the old episode, seed {@code Math.random}, call {@code core.startEpisodeReal()}, wait for
 * {@code WOB_TASK_READY}. That is what keeps a reset in single-digit milliseconds.
 */
final class MiniWobEpisode extends BrowserEpisode {

    /** BrowserGym's way of switching the timer off: a limit no episode reaches. */
    static final long TIMER_OFF = 1_000_000L;

    private static final String SETUP = """
            () => {
              if (typeof core === 'undefined' || typeof genProblem !== 'function') return 'no MiniWoB core or genProblem';
              if (window.__gauntletPageMaxTime === undefined) window.__gauntletPageMaxTime = core.EPISODE_MAX_TIME;
              if (!document.getElementById('gauntlet-hide')) {
                const s = document.createElement('style');
                s.id = 'gauntlet-hide';
                s.textContent = '#reward-display, #click-canvas { display: none !important; }';
                document.head.appendChild(s);
              }
              return '';
            }""";

    /**
     * Off the task page (an error page, another site) the flag is not there: not done, and not a script error. Once
     * done, the probe is the page's episode state, reward included, so the oracle needs no call of its own (the gym
     * reads done and reward in one call after each action); before that it is {@code false}, all an agent sees.
     */
    private static final String PROBE = "typeof WOB_DONE_GLOBAL !== 'undefined' && WOB_DONE_GLOBAL === true ? "
            + MiniWobOracle.STATE + " : false";

    /**
     * Stops the old episode, seeds, starts a new one and reads the instruction, with what the first observation
     * needs (address, title, the probe): one round trip per reset, none for the first look.
     */
    private static final String RESET = """
            ([seed, maxTime]) => {
              if (core.EP_TIMER !== null && core.EP_TIMER !== undefined) core.endEpisode(0);
              // Playwright hands a null list element over as undefined: test loosely
              core.EPISODE_MAX_TIME = maxTime == null ? window.__gauntletPageMaxTime : maxTime;
              Math.seedrandom(seed);
              core.startEpisodeReal();
              const ready = typeof WOB_TASK_READY === 'undefined' || WOB_TASK_READY !== false;
              if (!ready) return null;
              const u = core.getUtterance();
              return {instruction: typeof u === 'string' ? u : (u && u.utterance) || '',
                      url: location.href, title: document.title, probe: (PROBE)};
            }""".replace("PROBE", PROBE);

    private static final String READY = "() => typeof WOB_TASK_READY === 'undefined' || WOB_TASK_READY !== false";

    private static final String UTTERANCE = """
            () => {
              const u = core.getUtterance();
              return typeof u === 'string' ? u : (u && u.utterance) || '';
            }""";

    private final String instruction;
    private final String url;

    private MiniWobEpisode(Task task, long seed, BrowserSession.ReusedPage reused, String instruction, String url) {
        super(task, seed, reused.context(), reused.page(), false);
        this.instruction = instruction;
        this.url = url;
    }

    static MiniWobEpisode start(Task task, long seed, String url, Long maxTime, BrowserSession browser)
            throws Exception {
        BrowserSession.ReusedPage reused = browser.reusedPage("miniwob", MiniWobSuite.contextOptions(),
                Origins.with(task.allowedHosts(), url));
        Page page = reused.page();
        // another tab left open by the previous episode would confuse the agent
        reused.context().pages().stream().filter(p -> p != page).forEach(Page::close);
        if (!url.equals(reused.loaded()) || !page.url().equals(url)) {
            reused.loaded("");
            var response = page.navigate(url);
            if (response != null && response.status() >= 400) {
                throw new IllegalStateException("MiniWoB page " + url + " answered HTTP " + response.status());
            }
            String problem = (String) page.evaluate(SETUP);
            if (!problem.isEmpty()) {
                throw new IllegalStateException(url + ": " + problem);
            }
            reused.loaded(url);
        }
        Object reset = page.evaluate(RESET,
                // a number, as the gym's Math.seedrandom(<int>): seedrandom reads 5 and "5" as different seeds
                Arrays.asList((double) seed, maxTime == null ? null : maxTime.doubleValue()));
        if (!(reset instanceof Map<?, ?> state)) { // a task that prepares asynchronously (WOB_TASK_READY = false)
            page.waitForFunction(READY);
            return new MiniWobEpisode(task, seed, reused, (String) page.evaluate(UTTERANCE), url);
        }
        MiniWobEpisode episode = new MiniWobEpisode(task, seed, reused, String.valueOf(state.get("instruction")), url);
        episode.primeObservation(String.valueOf(state.get("url")), String.valueOf(state.get("title")),
                state.get("probe"));
        return episode;
    }

    @Override
    protected String instruction() {
        return instruction;
    }

    /** The done flag and the reward live in the task page's script: off it, the episode cannot be scored. */
    @Override
    protected String taskPage() {
        return url;
    }

    @Override
    protected String probe() {
        return PROBE;
    }

    /** Answers from the latest observation when no action came since (saves a round trip per step). */
    @Override
    public boolean done() {
        Object seen = probed();
        return isDone(seen != null ? seen : executor.page().evaluate("() => " + PROBE));
    }

    /** Reads the probe's value: {@code false}, or once done the page's state with {@code done: true}. */
    static boolean isDone(Object probed) {
        return probed instanceof Map<?, ?> state ? Boolean.TRUE.equals(state.get("done")) : Boolean.TRUE.equals(probed);
    }

    @Override
    public List<Action> demonstration() {
        Object gold = executor.page().evaluate("() => typeof window.gauntletGold === 'function' ? window.gauntletGold() : null");
        if (!(gold instanceof List<?> list)) {
            return List.of();
        }
        List<Action> actions = new ArrayList<>();
        for (Object step : list) {
            actions.add(ActionGrammar.browserGym().parse(String.valueOf(step)));
        }
        return actions;
    }
}
