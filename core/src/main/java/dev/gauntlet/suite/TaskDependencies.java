package dev.gauntlet.suite;

import dev.gauntlet.api.Task;

import java.util.Set;

/**
 * A task set whose tasks must run in an order (WebArena's dependency list: a task that reads what another one
 * writes). The engine holds an episode back until the episodes of the tasks it depends on, for the same agent, are
 * done, whatever the number of workers. Tasks that are not selected are ignored.
 */
public interface TaskDependencies {

    /** Returns the ids of the tasks that must have finished before {@code task} starts. */
    Set<String> dependsOn(Task task);
}
