package dev.gauntlet.engine;

import dev.gauntlet.api.Config;
import dev.gauntlet.api.ConfigException;
import dev.gauntlet.api.Constants;
import dev.gauntlet.api.EnvironmentUnavailableException;
import dev.gauntlet.api.Suite;
import dev.gauntlet.api.SuiteContext;
import dev.gauntlet.api.Task;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/** Builds the suite → task → (agent →) seed tree from the configuration and the selected unique ids. */
final class TreeBuilder {

    private final RunDescriptor run;
    private final TestSource source;
    private final List<UniqueId> selected;
    private final BiConsumer<String, String> problems;

    TreeBuilder(RunDescriptor run, Class<?> marker, List<UniqueId> selected, BiConsumer<String, String> problems) {
        this.run = run;
        this.source = Descriptors.classSource(marker);
        this.selected = selected;
        this.problems = problems;
    }

    void build() {
        Config config = run.config;
        run.registry = new Registry(Thread.currentThread().getContextClassLoader());
        List<String> suiteNames = selectedSegments(Descriptors.SUITE);
        if (suiteNames.isEmpty()) {
            suiteNames = split(config.get(Constants.SUITE, Constants.SUITE_DEFAULT), ",");
        }
        List<String> agentTexts = split(config.get(Constants.AGENT, Constants.AGENT_DEFAULT), ";");
        for (String a : agentTexts) {
            run.agents.add(run.registry.agent(a));
        }
        // an agent segment in a selected id may name an agent that is not configured: run it too
        for (String a : selectedSegments(Descriptors.AGENT)) {
            if (run.agents.stream().noneMatch(s -> s.text().equals(a))) {
                run.agents.add(run.registry.agent(a));
            }
        }
        Set<Long> seeds = new LinkedHashSet<>(SeedSpec.parse(config.get(Constants.SEEDS, Constants.SEEDS_DEFAULT)));
        for (String s : selectedSegments(Descriptors.SEED)) {
            try {
                seeds.add(Long.parseLong(s));
            } catch (NumberFormatException e) {
                throw new ConfigException("selected unique id has seed '" + s + "', which is not a number");
            }
        }
        run.seeds.addAll(seeds);
        if (config.getInt(Constants.WORKERS, Constants.WORKERS_DEFAULT) < 1) {
            throw new ConfigException("'" + Constants.WORKERS + "' is '" + config.get(Constants.WORKERS, "")
                    + "' but must be 1 or more");
        }
        TaskFilter filter = new TaskFilter(config.get(Constants.TASKS, ""));
        int[] shard = shard(config.get(Constants.SHARD, "1/1"));
        int dealt = 0;
        Set<String> known = new TreeSet<>();
        int matched = 0;
        for (Suite suite : run.registry.suites(suiteNames)) {
            run.suites.add(suite);
            UniqueId suiteId = run.getUniqueId().append(Descriptors.SUITE, suite.name());
            Descriptors.SuiteDescriptor suiteNode = new Descriptors.SuiteDescriptor(suiteId, suite, source);
            run.addChild(suiteNode);
            List<Task> tasks;
            SuiteContext context = new SuiteContext() {
                @Override
                public Config config() {
                    return config;
                }

                @Override
                public void problem(String where, String message) {
                    problems.accept(suite.name() + " " + where, message);
                }
            };
            try {
                tasks = suite.discover(context);
                run.sources.put(suite.name(), suite.source(context));
            } catch (EnvironmentUnavailableException e) {
                run.unavailable.put(suite.name(), e.getMessage());
                continue;
            } catch (ConfigException e) {
                throw e;
            } catch (Exception e) {
                throw new ConfigException("suite '" + suite.name() + "' could not list its tasks: " + e);
            }
            for (Task task : tasks) {
                known.add(task.id());
                if (!filter.matches(suite.name(), task.id())) {
                    continue;
                }
                matched++;
                if (dealt++ % shard[1] == shard[0] - 1) {
                    addTask(suiteNode, suite, task);
                }
            }
        }
        if (!run.unavailable.isEmpty() && run.getDescendants().stream().noneMatch(d -> d.getType().isTest())) {
            // every selected suite is unavailable: say why, rather than report an empty run as green
            List<String> why = new java.util.ArrayList<>();
            run.unavailable.forEach((suite, reason) -> why.add(suite + ": " + reason));
            throw new ConfigException("nothing can run; " + String.join("; ", why));
        }
        if (!filter.isEmpty() && matched == 0 && run.unavailable.isEmpty()) {
            throw new ConfigException("no task matches " + Constants.TASKS + "='" + filter.text() + "'; tasks: "
                    + abbreviate(known));
        }
        if (!selected.isEmpty()) {
            prune(run);
        }
    }

    private void addTask(Descriptors.SuiteDescriptor suiteNode, Suite suite, Task task) {
        UniqueId taskId = suiteNode.getUniqueId().append(Descriptors.TASK, task.id());
        Descriptors.TaskDescriptor taskNode = new Descriptors.TaskDescriptor(taskId, task, null);
        suiteNode.addChild(taskNode);
        boolean severalAgents = run.agents.size() > 1;
        for (AgentSpec agent : run.agents) {
            TestDescriptor parent = taskNode;
            UniqueId base = taskId;
            if (severalAgents) {
                base = taskId.append(Descriptors.AGENT, agent.text());
                Descriptors.AgentDescriptor agentNode = new Descriptors.AgentDescriptor(base, agent.text());
                taskNode.addChild(agentNode);
                parent = agentNode;
            }
            for (long seed : run.seeds) {
                parent.addChild(new Descriptors.EpisodeDescriptor(base.append(Descriptors.SEED, Long.toString(seed)),
                        suite, task, seed, agent, severalAgents, null));
            }
        }
    }

    /** Keeps only descendants of a selected id, and the ancestors of those. */
    private void prune(TestDescriptor node) {
        for (TestDescriptor child : new ArrayList<>(node.getChildren())) {
            UniqueId id = child.getUniqueId();
            boolean inside = selected.stream().anyMatch(id::hasPrefix);
            boolean above = selected.stream().anyMatch(s -> s.hasPrefix(id));
            if (inside) {
                continue;
            }
            if (above) {
                prune(child);
                if (child.getChildren().isEmpty() && child.getType() == TestDescriptor.Type.CONTAINER) {
                    node.removeChild(child);
                }
            } else {
                node.removeChild(child);
            }
        }
    }

    private List<String> selectedSegments(String type) {
        Set<String> out = new LinkedHashSet<>();
        for (UniqueId id : selected) {
            id.getSegments().stream().filter(s -> s.getType().equals(type)).forEach(s -> out.add(s.getValue()));
        }
        return new ArrayList<>(out);
    }

    /** Parses {@code i/n} into {i, n}. */
    static int[] shard(String text) {
        String[] parts = text.trim().split("/");
        try {
            int i = Integer.parseInt(parts[0].trim());
            int n = Integer.parseInt(parts[1].trim());
            if (parts.length == 2 && n >= 1 && i >= 1 && i <= n) {
                return new int[] {i, n};
            }
        } catch (RuntimeException e) {
            // fall through to the error below
        }
        throw new ConfigException(Constants.SHARD, text, "i/n with 1 <= i <= n, e.g. 2/4");
    }

    static List<String> split(String text, String separator) {
        return Arrays.stream(text.split(separator)).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String abbreviate(Set<String> ids) {
        List<String> list = new ArrayList<>(ids);
        return list.size() <= 40 ? String.join(", ", list)
                : String.join(", ", list.subList(0, 40)) + ", ... (" + list.size() + " in all)";
    }
}
