package dev.gauntlet.suite;

import dev.gauntlet.api.Task;

import java.util.List;

/**
 * A task set that holds its tasks and the description of where they came from; a suite's opened state extends it
 * and adds {@link #start} (and {@link #close} when it started sites).
 */
public abstract class BasicTaskSet implements TaskSet {

    private final List<Task> tasks;
    private final String source;

    protected BasicTaskSet(List<Task> tasks, String source) {
        this.tasks = List.copyOf(tasks);
        this.source = source;
    }

    @Override
    public final List<Task> tasks() {
        return tasks;
    }

    @Override
    public final String source() {
        return source;
    }
}
