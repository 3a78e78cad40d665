package dev.gauntlet.suite;

import dev.gauntlet.api.Step;
import dev.gauntlet.api.Task;

import java.util.List;

/** A task set whose episodes may stop before their step limit (WebArena's repeated-action and parse-failure rules). */
public interface EarlyStop {

    /**
     * Tells whether the episode must stop now. Called after every step.
     *
     * @return the reason to stop (it becomes the trajectory's stop reason), or {@code null} to go on
     */
    String stopEarly(Task task, List<Step> steps);
}
