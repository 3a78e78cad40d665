package dev.gauntlet.engine;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.EnvironmentUnavailableException;
import dev.gauntlet.api.Episode;
import dev.gauntlet.api.Observation;
import dev.gauntlet.api.Setting;
import dev.gauntlet.api.SiteBlockedException;
import dev.gauntlet.api.Step;
import dev.gauntlet.api.Task;
import dev.gauntlet.suite.EarlyStop;
import dev.gauntlet.suite.EpisodeContext;
import dev.gauntlet.suite.StatefulSites;
import dev.gauntlet.suite.Suite;
import dev.gauntlet.suite.SuiteContext;
import dev.gauntlet.suite.TaskDependencies;
import dev.gauntlet.suite.TaskSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small offline suite for engine tests: each task asks for N clicks on element "1"; the episode ends after N
 * clicks; the oracle checks the count. Some tasks misbehave on purpose.
 */
public final class CounterSuite implements Suite {

    /** Agents for which {@link StatefulSites#beforeAgent} ran, in order (engine tests set {@code counter.reset}). */
    static final List<String> RESETS = java.util.Collections.synchronizedList(new ArrayList<>());

    @Override
    public String name() {
        return "counter";
    }

    @Override
    public int defaultMaxSteps() {
        return 5;
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(Setting.integer("counter.bonus", "0", 0, "a key of the test suite, to test suite-key checks"));
    }

    @Override
    public TaskSet open(SuiteContext context) throws EnvironmentUnavailableException {
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
        return new CounterTasks(tasks, context.config().get("counter.depends").isPresent(),
                context.config().get("counter.reset").isPresent(), context.config().get("counter.hangs").orElse(""),
                context.config().get("counter.blocks").orElse(""));
    }

    private Task task(String id, int target, Set<String> tags) {
        return new Task(name(), id, "Click element 1 exactly " + target + " times.", List.of(), tags,
                new CounterOracle(target), Set.of(), 0, Map.of());
    }

    /** The opened tasks, with every optional behaviour the engine knows. */
    /**
     * With {@code counter.hangs=<task id>}, that task's site never answers an action (time-limit tests); with
     * {@code counter.blocks=<task id>}, that task's site refuses the browser at every observation (a bot wall).
     */
    record CounterTasks(List<Task> tasks, boolean depends, boolean resets, String hangs, String blocks)
            implements TaskSet, EarlyStop, TaskDependencies, StatefulSites {

        @Override
        public Episode start(Task task, long seed, EpisodeContext context) throws Exception {
            if (task.id().equals("needs-site")) {
                throw new EnvironmentUnavailableException("'counter.site' is not set");
            }
            return new CounterEpisode(task, ((CounterOracle) task.oracle()).target(), task.id().equals(hangs),
                    task.id().equals(blocks));
        }

        /** Stops after two failed actions in a row, like WebArena's repeated-failure rule. */
        @Override
        public String stopEarly(Task task, List<Step> steps) {
            int n = steps.size();
            return n >= 2 && !steps.get(n - 1).error().isEmpty() && !steps.get(n - 2).error().isEmpty()
                    ? "2 failed actions in a row" : null;
        }

        /** With {@code counter.depends=yes}, two-clicks waits for three-clicks (engine tests of the scheduler). */
        @Override
        public Set<String> dependsOn(Task task) {
            return depends && task.id().equals("two-clicks") ? Set.of("three-clicks", "not-selected") : Set.of();
        }

        @Override
        public boolean resetsBetweenAgents() {
            return resets;
        }

        @Override
        public void beforeAgent(String agent) {
            RESETS.add(agent);
        }
    }

    /** Counts clicks; the count is the state the oracle reads back. */
    static final class CounterEpisode implements Episode {
        private final Task task;
        private final int target;
        private final boolean hangs;
        private final boolean blocks;
        int clicks;

        CounterEpisode(Task task, int target, boolean hangs, boolean blocks) {
            this.task = task;
            this.target = target;
            this.hangs = hangs;
            this.blocks = blocks;
        }

        @Override
        public Observation observe() throws SiteBlockedException {
            if (blocks) {
                throw new SiteBlockedException("HTTP 403 at counter://" + task.id());
            }
            return new Observation("counter://" + task.id(), "Counter", List.of(), 0, task.instruction(), "",
                    "[1] button \"count\" clicks=" + clicks, List.of(), "", Map.of("clicks", clicks), null);
        }

        @Override
        public String act(Action action) throws InterruptedException {
            if (hangs) {
                Thread.sleep(Long.MAX_VALUE); // a site that stops answering
            }
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
