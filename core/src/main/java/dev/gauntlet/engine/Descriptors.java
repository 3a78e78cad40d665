package dev.gauntlet.engine;

import dev.gauntlet.api.Task;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;

import java.util.LinkedHashSet;
import java.util.Set;

/** The test descriptors of Gauntlet's tree: suite → task → (agent →) seed. */
final class Descriptors {

    static final String SUITE = "suite";
    static final String TASK = "task";
    static final String AGENT = "agent";
    static final String SEED = "seed";

    private Descriptors() {}

    static final class SuiteDescriptor extends AbstractTestDescriptor {
        final OpenedSuite suite;

        SuiteDescriptor(UniqueId id, OpenedSuite suite, TestSource source) {
            super(id, suite.name(), source);
            this.suite = suite;
        }

        @Override
        public Type getType() {
            return Type.CONTAINER;
        }
    }

    static final class TaskDescriptor extends AbstractTestDescriptor {
        final Task task;
        private final Set<TestTag> tags;

        TaskDescriptor(UniqueId id, Task task, TestSource source) {
            super(id, task.id(), source);
            this.task = task;
            this.tags = tags(task);
        }

        @Override
        public Type getType() {
            return Type.CONTAINER;
        }

        @Override
        public Set<TestTag> getTags() {
            return tags;
        }
    }

    static final class AgentDescriptor extends AbstractTestDescriptor {
        AgentDescriptor(UniqueId id, String agent) {
            super(id, agent);
        }

        @Override
        public Type getType() {
            return Type.CONTAINER;
        }
    }

    /** One episode: a task with one seed and one agent. */
    static final class EpisodeDescriptor extends AbstractTestDescriptor {
        final Task task;
        final long seed;
        final AgentSpec agent;
        final OpenedSuite suite;
        private final Set<TestTag> tags;

        EpisodeDescriptor(UniqueId id, OpenedSuite suite, Task task, long seed, AgentSpec agent, boolean agentInName,
                          TestSource source) {
            super(id, task.id() + " [" + (agentInName ? agent.text() + ", " : "") + "seed " + seed + "]", source);
            this.suite = suite;
            this.task = task;
            this.seed = seed;
            this.agent = agent;
            this.tags = tags(task);
        }

        @Override
        public Type getType() {
            return Type.TEST;
        }

        @Override
        public Set<TestTag> getTags() {
            return tags;
        }
    }

    /** Stands for a run that could not start, so that runners show the configuration error as a failed test. */
    static final class ConfigurationDescriptor extends AbstractTestDescriptor {
        ConfigurationDescriptor(UniqueId id) {
            super(id, "configuration");
        }

        @Override
        public Type getType() {
            return Type.TEST;
        }
    }

    /** Turns task tags into valid JUnit tags (no blanks, commas, parentheses or operators). */
    static Set<TestTag> tags(Task task) {
        Set<TestTag> out = new LinkedHashSet<>();
        out.add(TestTag.create("suite:" + task.suite()));
        for (String tag : task.tags()) {
            String clean = tag.trim().replaceAll("[\\s,()&|!]+", "_");
            if (!clean.isEmpty() && TestTag.isValid(clean)) {
                out.add(TestTag.create(clean));
            }
        }
        return out;
    }

    static TestSource classSource(Class<?> marker) {
        return marker == null ? null : ClassSource.from(marker);
    }
}
