package dev.gauntlet.api;

import java.util.List;

/**
 * Everything that happened in one episode, as evaluators and reports see it.
 *
 * @param task     the task
 * @param seed     the seed
 * @param agent    agent spec as selected ({@code name:args})
 * @param steps    the steps, oldest first
 * @param answer   the agent's final answer ({@code ""} when it gave none)
 * @param finalUrl the URL at the end
 * @param finalScreenshot file name of the last screenshot (relative to the run folder), or {@code ""}
 * @param stopReason why the episode ended ({@code done}, {@code answer}, {@code max-steps}, {@code early-stop: ...})
 * @param instruction the instruction the agent was given (pages such as MiniWoB's generate it per seed)
 */
public record Trajectory(Task task, long seed, String agent, List<Step> steps, String answer, String finalUrl,
                         String finalScreenshot, String stopReason, String instruction) {

    /** A trajectory whose instruction is the task's own. */
    public Trajectory(Task task, long seed, String agent, List<Step> steps, String answer, String finalUrl,
                      String finalScreenshot, String stopReason) {
        this(task, seed, agent, steps, answer, finalUrl, finalScreenshot, stopReason, task.instruction());
    }

    public Trajectory {
        instruction = instruction == null || instruction.isEmpty() ? task.instruction() : instruction;
        steps = List.copyOf(steps);
        answer = answer == null ? "" : answer;
        finalUrl = finalUrl == null ? "" : finalUrl;
        finalScreenshot = finalScreenshot == null ? "" : finalScreenshot;
    }
}
