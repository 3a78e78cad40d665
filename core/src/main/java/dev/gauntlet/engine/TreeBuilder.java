package dev.gauntlet.engine;

import dev.gauntlet.api.Config;
import dev.gauntlet.api.ConfigException;
import dev.gauntlet.api.Constants;
import dev.gauntlet.api.EnvironmentUnavailableException;
import dev.gauntlet.api.RecordedConfiguration;
import dev.gauntlet.api.Settings;
import dev.gauntlet.api.Task;
import dev.gauntlet.suite.Suite;
import dev.gauntlet.suite.SuiteContext;
import dev.gauntlet.suite.TaskSet;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;

import java.util.ArrayList;
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
        RunSettings settings = RunSettings.read(config);
        run.settings = settings;
        run.registry = new Registry(Thread.currentThread().getContextClassLoader());
        List<String> suiteNames = selectedSegments(Descriptors.SUITE);
        if (suiteNames.isEmpty()) {
            suiteNames = settings.suites();
        }
        for (String a : settings.agents()) {
            run.agents.add(run.registry.agent(a));
        }
        // an agent segment in a selected id may name an agent that is not configured: run it too
        for (String a : selectedSegments(Descriptors.AGENT)) {
            if (run.agents.stream().noneMatch(s -> s.text().equals(a))) {
                run.agents.add(run.registry.agent(a));
            }
        }
        for (AgentSpec a : run.agents) {
            run.registry.prepare(a, config);
        }
        run.judges.addAll(run.registry.judges(settings.judges(), config));
        List<Long> selectedSeeds = new ArrayList<>();
        for (String s : selectedSegments(Descriptors.SEED)) {
            try {
                selectedSeeds.add(Long.parseLong(s));
            } catch (NumberFormatException e) {
                throw new ConfigException("selected unique id has seed '" + s + "', which is not a number");
            }
        }
        chooseFolder(config, settings, suiteNames);
        List<Suite> suites = run.registry.suites(suiteNames);
        // every suite's own keys are checked before any suite opens (starts sites, reads files)
        List<String> errors = new ArrayList<>();
        java.util.Map<Suite, List<Long>> suiteSeeds = new java.util.HashMap<>();
        for (Suite suite : suites) {
            errors.addAll(Settings.validate(config, suite.settings()));
            try {
                suiteSeeds.put(suite, settings.seeds().orElseGet(() -> SeedSpec.parse(suite.defaultSeeds())));
            } catch (ConfigException e) {
                errors.add("suite '" + suite.name() + "' declares bad default seeds: " + e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(String.join("\n", errors));
        }
        TaskFilter filter = new TaskFilter(settings.tasks());
        int dealt = 0;
        Set<String> known = new TreeSet<>();
        int matched = 0;
        for (Suite suite : suites) {
            OpenedSuite opened = new OpenedSuite(suite);
            run.suites.add(opened);
            Set<Long> seeds = new LinkedHashSet<>(suiteSeeds.get(suite));
            seeds.addAll(selectedSeeds);
            opened.seeds = List.copyOf(seeds);
            seeds.stream().filter(s -> !run.seeds.contains(s)).forEach(run.seeds::add);
            UniqueId suiteId = run.getUniqueId().append(Descriptors.SUITE, suite.name());
            Descriptors.SuiteDescriptor suiteNode = new Descriptors.SuiteDescriptor(suiteId, opened, source);
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
                TaskSet set = suite.open(context);
                opened.tasks = set;
                tasks = set.tasks();
                run.sources.put(suite.name(), set.source());
                if (settings.judges().isEmpty()) {
                    opened.judges = run.registry.judges(set.defaultJudges(), config);
                    set.defaultJudges().stream().filter(j -> !run.defaultJudges.contains(j)).forEach(run.defaultJudges::add);
                } else {
                    opened.judges = run.judges;
                }
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
                if (settings.shard().takes(dealt++)) {
                    addTask(suiteNode, opened, task);
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
        if (!run.defaultJudges.isEmpty()) {
            // the run's configuration says which judges ran, for the manifest and the results file's columns
            run.config = run.config.with(java.util.Map.of(Constants.JUDGE, String.join(",", run.defaultJudges)));
        }
    }

    /** A resumed run must be configured as its manifest records; a fixed run id must not hold a run already. */
    private void chooseFolder(Config config, RunSettings settings, List<String> suiteNames) {
        if (!settings.resume().isEmpty()) {
            RunDirectory.Resumed resumed = RunDirectory.resume(config, settings.resume());
            List<String> differ = RecordedConfiguration.differences(resumed.journal().config(),
                    RecordedConfiguration.of(config, suiteNames, settings.agents()));
            if (!differ.isEmpty()) {
                throw new ConfigException(Constants.RESUME + "=" + settings.resume() + ": the configuration differs from"
                        + " the run's (as its manifest and journal record it) in " + String.join(", ", differ));
            }
            run.directory = resumed.directory();
            run.resuming = true;
        } else if (!settings.runId().isEmpty()) {
            run.directory = RunDirectory.fixed(config, settings.runId(), settings.shard());
        }
    }

    private void addTask(Descriptors.SuiteDescriptor suiteNode, OpenedSuite suite, Task task) {
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
            for (long seed : suite.seeds) {
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

    private static String abbreviate(Set<String> ids) {
        List<String> list = new ArrayList<>(ids);
        return list.size() <= 40 ? String.join(", ", list)
                : String.join(", ", list.subList(0, 40)) + ", ... (" + list.size() + " in all)";
    }
}
