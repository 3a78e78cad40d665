package dev.gauntlet.engine;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.gauntlet.api.Action;
import dev.gauntlet.api.Episode;
import dev.gauntlet.api.Task;
import dev.gauntlet.browser.BrowserEpisode;
import dev.gauntlet.suite.EpisodeContext;
import dev.gauntlet.suite.Suite;
import dev.gauntlet.suite.SuiteContext;
import dev.gauntlet.suite.TaskSet;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A one-page browser suite whose first episode kills the worker's browser, to test that the run recovers; with
 * {@code crashy.hang=<seed>} that seed's page stops answering instead (a script that never returns).
 */
public final class BrowserCrashSuite implements Suite {

    @Override
    public String name() {
        return "crashy";
    }

    @Override
    public int defaultMaxSteps() {
        return 3;
    }

    @Override
    public TaskSet open(SuiteContext context) {
        long hang = Long.parseLong(context.config().get("crashy.hang").orElse("-1"));
        return TaskSet.of(List.of(new Task(name(), "press", "Press the button.", List.of(), Set.of(),
                new CounterOracle(1), Set.of("*"), 0, Map.of())), (task, seed, c) -> start(task, seed, c, hang));
    }

    private static Episode start(Task task, long seed, EpisodeContext context, long hang) throws Exception {
        BrowserContext browserContext = context.browser().newContext(null, task.allowedHosts());
        Page page = browserContext.newPage();
        page.setContent("<button onclick=\"this.textContent='pressed'\">Press</button>");
        return new BrowserEpisode(task, seed, browserContext, page, true) {
            @Override
            public String act(Action action) throws Exception {
                if (seed == hang) {
                    page.evaluate("() => { while (true) {} }"); // the page's script never returns
                } else if (seed == 0) {
                    browserContext.browser().close(); // the browser dies under the episode
                }
                return super.act(action);
            }

            @Override
            public boolean done() {
                return executor.page().textContent("button").equals("pressed");
            }
        };
    }
}
