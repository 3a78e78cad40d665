package dev.gauntlet.api;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of one task × seed, as reports record it.
 *
 * @param task       the task
 * @param seed       the seed
 * @param agent      the agent spec
 * @param status     how the JUnit test ended
 * @param verdicts   the oracle's verdict first (when there is one), then each judge's
 * @param trajectory the steps (null when the episode never started)
 * @param message    failure explanation, error, or skip reason
 * @param error      the exception behind a broken episode, if any
 * @param durationMillis wall time of the whole episode
 * @param usage      the agent's tokens and cost
 */
public record EpisodeResult(Task task, long seed, String agent, Status status, List<Verdict> verdicts,
                            Trajectory trajectory, String message, Throwable error, long durationMillis,
                            Usage usage) {

    /** How the test case ended. */
    public enum Status {
        PASSED, FAILED, BROKEN, SKIPPED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public EpisodeResult {
        verdicts = List.copyOf(verdicts == null ? List.of() : verdicts);
        message = message == null ? "" : message;
        usage = usage == null ? Usage.NONE : usage;
    }

    /** Returns the oracle's verdict, if the task has an oracle. */
    public Optional<Verdict> oracle() {
        return verdicts.stream().filter(v -> !v.evaluator().startsWith("judge:")).findFirst();
    }

    public boolean success() {
        return status == Status.PASSED;
    }

    /** Returns the native score (oracle's), or NaN. */
    public double score() {
        return oracle().map(Verdict::score).orElse(Double.NaN);
    }

    public int steps() {
        return trajectory == null ? 0 : trajectory.steps().size();
    }
}
