package dev.gauntlet.api;

/**
 * One step of a trajectory: what the agent saw (as a digest), what it did, and what came of it.
 *
 * @param index      0-based step number
 * @param url        URL the agent saw
 * @param title      title the agent saw
 * @param observationText the accessibility text the agent saw (kept for reports and judges); {@code ""} when the
 *                   agent never read the page's views and no judge runs (a lazy observation was never built)
 * @param action     the action taken
 * @param error      error of the action (or of the agent), {@code ""} if none
 * @param screenshot file name of the screenshot of what the agent saw, relative to the run folder, or {@code ""}
 * @param agentMillis time the agent took to decide
 * @param actMillis   time the environment took to perform the action
 * @param observeMillis time taken to build the observation
 * @param reasoning  the agent's stated reasoning, when it gives one
 */
public record Step(int index, String url, String title, String observationText, Action action, String error,
                   String screenshot, long agentMillis, long actMillis, long observeMillis, String reasoning) {

    public Step {
        error = error == null ? "" : error;
        screenshot = screenshot == null ? "" : screenshot;
        reasoning = reasoning == null ? "" : reasoning;
    }
}
