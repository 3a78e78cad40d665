package dev.gauntlet.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of one task × seed, as reports record it.
 *
 * @param task       the task
 * @param seed       the seed
 * @param agent      the agent spec
 * @param status     how the JUnit test ended
 * @param oracle     the oracle's verdict, when the task has an oracle and it ran
 * @param judges     each judge's verdict by judge name, in the order the judges were configured
 * @param trajectory the steps (null when the episode never started)
 * @param message    failure explanation, error, or skip reason
 * @param error      the exception behind a broken episode, if any
 * @param durationMillis wall time of the whole episode
 * @param usage      the agent's tokens and cost
 * @param answerCheck the task's answer check when it is not its oracle ({@link dev.gauntlet.suite.AnswerChecks}):
 *                    reported in its own column, deciding nothing
 */
public record EpisodeResult(Task task, long seed, String agent, Status status, Optional<Verdict> oracle,
                            Map<String, Verdict> judges, Trajectory trajectory, String message, Throwable error,
                            long durationMillis, Usage usage, Optional<Verdict> answerCheck) {

    /** A result without an answer check. */
    public EpisodeResult(Task task, long seed, String agent, Status status, Optional<Verdict> oracle,
                         Map<String, Verdict> judges, Trajectory trajectory, String message, Throwable error,
                         long durationMillis, Usage usage) {
        this(task, seed, agent, status, oracle, judges, trajectory, message, error, durationMillis, usage,
                Optional.empty());
    }

    /**
     * How the test case ended. {@code BLOCKED}: the site refused the automated browser (HTTP 403/429 on the page, a
     * CAPTCHA or bot wall; {@link SiteBlockedException}); neither the agent's failure nor the harness's, counted apart.
     */
    public enum Status {
        PASSED, FAILED, BROKEN, SKIPPED, BLOCKED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public EpisodeResult {
        oracle = oracle == null ? Optional.empty() : oracle;
        judges = Collections.unmodifiableMap(new LinkedHashMap<>(judges == null ? Map.of() : judges));
        message = message == null ? "" : message;
        usage = usage == null ? Usage.NONE : usage;
        answerCheck = answerCheck == null ? Optional.empty() : answerCheck;
    }

    /** Returns a copy with this answer check. */
    public EpisodeResult withAnswerCheck(Verdict check) {
        return new EpisodeResult(task, seed, agent, status, oracle, judges, trajectory, message, error, durationMillis,
                usage, Optional.of(check));
    }

    /** Returns the oracle's verdict (when there is one), then each judge's. */
    public List<Verdict> verdicts() {
        List<Verdict> out = new ArrayList<>();
        oracle.ifPresent(out::add);
        out.addAll(judges.values());
        return out;
    }

    public boolean success() {
        return status == Status.PASSED;
    }

    /** Returns the oracle's score, or NaN. */
    public double score() {
        return oracle.map(Verdict::score).orElse(Double.NaN);
    }

    /** Returns the benchmark's native score: the oracle's score × its {@link Oracle#scoreScale()}, or NaN. */
    public double nativeScore() {
        double scale = task.oracle() == null ? 1.0 : task.oracle().scoreScale();
        return score() * scale;
    }

    /** Returns the oracle's reward, or NaN. */
    public double reward() {
        return oracle.map(Verdict::reward).orElse(Double.NaN);
    }

    public int steps() {
        return trajectory == null ? 0 : trajectory.steps().size();
    }
}
