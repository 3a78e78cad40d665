package dev.gauntlet.suites.toy;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.gauntlet.api.Action;
import dev.gauntlet.api.BrowserPage;
import dev.gauntlet.api.EvaluationContext;
import dev.gauntlet.api.Oracle;
import dev.gauntlet.api.Setting;
import dev.gauntlet.api.Task;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Verdict;
import dev.gauntlet.browser.BrowserEpisode;
import dev.gauntlet.site.SiteServer;
import dev.gauntlet.suite.EpisodeContext;
import dev.gauntlet.suite.Suite;
import dev.gauntlet.suite.SuiteContext;
import dev.gauntlet.suite.BasicTaskSet;
import dev.gauntlet.suite.TaskSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The toy suite of CONTRIBUTING.md, as a newcomer writes it: one file, one service line. Each task asks to press a
 * button N times on a built-in page; its oracle reads the count back from the page.
 */
public final class ToySuite implements Suite {

    /** A suite's own key, declared once: how many tasks to make. */
    public static final Setting<Integer> TASKS = Setting.integer("toy.tasks", "2", 1, "how many toy tasks");

    @Override
    public String name() {
        return "toy";
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(TASKS);
    }

    @Override
    public int defaultMaxSteps() {
        return 5;
    }

    @Override
    public String defaultSeeds() {
        return "1";
    }

    @Override
    public TaskSet open(SuiteContext context) {
        SiteServer site = SiteServer.start().mount("/toy", exchange -> SiteServer.html(exchange, 200,
                "<p id='n'>0</p><button onclick=\"let n=document.getElementById('n');n.textContent=+n.textContent+1\">"
                        + "Press</button>"));
        List<Task> tasks = new ArrayList<>();
        for (int n = 1; n <= TASKS.read(context.config()); n++) {
            tasks.add(new Task(name(), "press-" + n, "Press the button " + n + " times.", List.of(site.url("/toy")),
                    Set.of("presses:" + n), new Presses(n), Set.of(site.origin()), 0, Map.of()));
        }
        return new BasicTaskSet(tasks, "built-in toy page") {
            @Override
            public BrowserEpisode start(Task task, long seed, EpisodeContext episode) throws Exception {
                BrowserContext browser = episode.browser().newContext(null, task.allowedHosts());
                Page page = browser.newPage();
                page.navigate(task.startUrls().get(0));
                int presses = ((Presses) task.oracle()).target();
                return new BrowserEpisode(task, seed, browser, page, true) {
                    @Override
                    public List<Action> demonstration() {
                        return java.util.Collections.nCopies(presses, new Action.Click("css=button"));
                    }

                    @Override
                    public boolean done() {
                        return count(new dev.gauntlet.browser.PlaywrightPage(executor.page())) >= presses;
                    }
                };
            }

            @Override
            public void close() {
                site.close();
            }
        };
    }

    static int count(BrowserPage page) {
        return Integer.parseInt(String.valueOf(page.evaluate("() => document.getElementById('n').textContent")));
    }

    /** The oracle, typed: the number of presses the task asks for. */
    record Presses(int target) implements Oracle {
        @Override
        public String name() {
            return "toy";
        }

        @Override
        public Verdict evaluate(Trajectory trajectory, EvaluationContext context) {
            int count = count(context.page().orElseThrow());
            String why = "pressed " + count + " of " + target + " times";
            return count == target ? Verdict.success(name(), 1, why, Map.of("count", count))
                    : Verdict.failure(name(), 0, why, Map.of("count", count));
        }
    }
}
