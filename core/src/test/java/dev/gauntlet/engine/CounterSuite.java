package dev.gauntlet.engine;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.EnvironmentUnavailableException;
import dev.gauntlet.api.Episode;
import dev.gauntlet.api.EpisodeContext;
import dev.gauntlet.api.Observation;
import dev.gauntlet.api.OracleSpec;
import dev.gauntlet.api.Suite;
import dev.gauntlet.api.SuiteContext;
import dev.gauntlet.api.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small offline suite for engine tests: each task asks for N clicks on element "1"; the episode ends after N
 * clicks; the oracle checks the count. Some tasks misbehave on purpose.
 */
public final class CounterSuite implements Suite {

    @Override
    public String name() {
        return "counter";
    }

    @Override
    public int defaultMaxSteps() {
        return 5;
    }

    /** Stops after two failed actions in a row, like WebArena's repeated-failure rule. */
    @Override
    public String stopEarly(Task task, List<dev.gauntlet.api.Step> steps) {
        int n = steps.size();
        return n >= 2 && !steps.get(n - 1).error().isEmpty() && !steps.get(n - 2).error().isEmpty()
                ? "2 failed actions in a row" : null;
    }

    /** Agents for which {@link #beforeAgent} ran, in order (engine tests set {@code counter.reset}). */
    static final List<String> RESETS = java.util.Collections.synchronizedList(new ArrayList<>());

    @Override
    public boolean resetsBetweenAgents(dev.gauntlet.api.Config config) {
        return config.get("counter.reset").isPresent();
    }

    @Override
    public void beforeAgent(String agent, dev.gauntlet.api.Config config) {
        RESETS.add(agent);
    }

    /** With {@code counter.depends=yes}, two-clicks waits for three-clicks (engine tests of the scheduler). */
    private boolean depends;

    @Override
    public Set<String> dependsOn(Task task) {
        return depends && task.id().equals("two-clicks") ? Set.of("three-clicks", "not-selected") : Set.of();
    }

    @Override
    public List<Task> discover(SuiteContext context) throws EnvironmentUnavailableException {
        depends = context.config().get("counter.depends").isPresent();
        if (context.config().get("counter.unavailable").isPresent()) {
            throw new EnvironmentUnavailableException("'counter.url' does not answer");
        }
        if (context.config().get("counter.malformed").isPresent()) {
            context.problem("tasks.json line 3", "field 'target' must be a number");
        }
        List<Task> tasks = new ArrayList<>();
        tasks.add(task("two-clicks", 2, Set.of("site:counter", "category:click")));
        tasks.add(task("three-clicks", 3, Set.of("site:counter", "category:click")));
        tasks.add(task("too-many", 9, Set.of("site:counter", "category:hard")));
        tasks.add(task("needs-site", 1, Set.of("site:elsewhere")));
        tasks.add(task("crashes", 1, Set.of("site:counter", "category:broken")));
        return tasks;
    }

    private Task task(String id, int target, Set<String> tags) {
        return new Task(name(), id, "Click element 1 exactly " + target + " times.", List.of(), tags,
                new OracleSpec("counter", Map.of("target", target)), Set.of(), 0, Map.of());
    }

    @Override
    public Episode start(Task task, long seed, EpisodeContext context) throws Exception {
        if (task.id().equals("needs-site")) {
            throw new EnvironmentUnavailableException("'counter.site' is not set");
        }
        return new CounterEpisode(task, ((Number) task.oracle().data().get("target")).intValue());
    }

    /** Counts clicks; the count is the state the oracle reads back. */
    static final class CounterEpisode implements Episode {
        private final Task task;
        private final int target;
        int clicks;

        CounterEpisode(Task task, int target) {
            this.task = task;
            this.target = target;
        }

        @Override
        public Observation observe() {
            return new Observation("counter://" + task.id(), "Counter", List.of(), 0, task.instruction(), "",
                    "[1] button \"count\" clicks=" + clicks, List.of(), "", Map.of("clicks", clicks), null);
        }

        @Override
        public String act(Action action) {
            if (task.id().equals("crashes")) {
                throw new IllegalStateException("the site fell over");
            }
            if (action instanceof Action.Click c && c.target().equals("1")) {
                clicks++;
                return null;
            }
            return "no element " + action;
        }

        @Override
        public boolean done() {
            return clicks >= target;
        }

        @Override
        public List<Action> demonstration() {
            List<Action> gold = new ArrayList<>();
            for (int i = 0; i < target; i++) {
                gold.add(new Action.Click("1"));
            }
            return gold;
        }

        @Override
        public void close() {}
    }
}
