package dev.gauntlet.reports.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The figures of one suite × agent in one run, as {@code summary.json} and the leaderboard show them.
 *
 * <p>The success rate is passed / (passed + failed): broken, skipped and blocked episodes measure the harness or the
 * environment, not the agent, and are counted on their own. The standard error and the interval treat episodes as
 * independent; seeds of one task are not, so read them as a lower bound on the uncertainty. Mean steps and the
 * median time cover the episodes that started (not skipped).
 *
 * @param suite          suite name
 * @param agent          agent spec
 * @param episodes       episodes, of any status
 * @param tasks          distinct tasks
 * @param passed         passed episodes
 * @param failed         failed episodes
 * @param broken         broken episodes (harness or site error)
 * @param skipped        skipped episodes (environment not available)
 * @param unscored       episodes that ran but that the oracle could not score (e.g. WebArena's fuzzy_match without a
 *                       judge), or, for tasks without an oracle, that the judges could not (a live-web task without a
 *                       model server); recorded as skipped in results.csv, counted apart here
 * @param blocked        episodes whose site refused the automated browser (HTTP 403/429, a CAPTCHA or bot wall):
 *                       neither the agent's failure nor an infrastructure error
 * @param successRate    passed / (passed + failed), NaN when nothing was scored
 * @param stderr         standard error of the success rate
 * @param ci95           95% Wilson interval of the success rate, {low, high}
 * @param meanReward     mean reward over episodes that have one, NaN if none
 * @param meanScore      mean native score over episodes that have one, NaN if none
 * @param meanSteps      mean steps over started episodes
 * @param medianSeconds  median wall time over started episodes
 * @param tokensIn       the agent's prompt tokens
 * @param tokensOut      the agent's completion tokens
 * @param costUsd        the agent's cost
 * @param judgeAgreement judge name → agreement with the oracle, over episodes both scored
 * @param answerCheck    the answer checks' outcomes (live WebVoyager tasks with a golden answer), apart from the score
 */
public record Aggregate(String suite, String agent, int episodes, int tasks, int passed, int failed, int broken,
                        int skipped, int unscored, int blocked, double successRate, double stderr, double[] ci95, double meanReward,
                        double meanScore, double meanSteps, double medianSeconds, long tokensIn, long tokensOut,
                        double costUsd, Map<String, Agreement> judgeAgreement, AnswerCheck answerCheck) {

    /** How the episodes that had an answer check came out. */
    public record AnswerCheck(int success, int failure, int unscored) {
        /** Returns success / (success + failure), NaN when none was decided. */
        public double rate() {
            return success + failure == 0 ? Double.NaN : (double) success / (success + failure);
        }

        public int checked() {
            return success + failure + unscored;
        }
    }

    /** How often a judge agreed with the oracle. */
    public record Agreement(int agree, int n) {
        public double rate() {
            return n == 0 ? Double.NaN : (double) agree / n;
        }
    }

    public Aggregate {
        judgeAgreement = Map.copyOf(judgeAgreement);
        ci95 = ci95.clone();
    }

    /**
     * Returns the infrastructure-error rate, broken / all episodes: how often the harness, a site or a browser failed,
     * apart from the agent's failures; NaN for no episodes.
     */
    public double infraErrorRate() {
        return episodes == 0 ? Double.NaN : (double) broken / episodes;
    }

    public int scored() {
        return passed + failed;
    }

    /** Computes the figures of rows that all belong to one suite and agent. */
    public static Aggregate of(String suite, String agent, List<ResultRow> rows) {
        int passed = 0, failed = 0, broken = 0, skipped = 0, unscored = 0, blocked = 0;
        long in = 0, out = 0;
        double cost = 0;
        List<Double> rewards = new ArrayList<>(), scores = new ArrayList<>();
        List<Integer> steps = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        TreeSet<String> tasks = new TreeSet<>();
        Map<String, int[]> agreement = new TreeMap<>();
        int[] checks = new int[3];
        for (ResultRow r : rows) {
            tasks.add(r.task());
            switch (r.status()) {
                case "passed" -> passed++;
                case "failed" -> failed++;
                case "broken" -> broken++;
                case "blocked" -> blocked++;
                default -> {
                    // skipped after it ran: its oracle, or with none its judges (live-web tasks), could not score it
                    if (r.oracle().equals("unscored") || r.oracle().isEmpty() && !r.judges().isEmpty()) {
                        unscored++;
                    } else {
                        skipped++;
                    }
                }
            }
            if (!Double.isNaN(r.reward())) {
                rewards.add(r.reward());
            }
            if (!Double.isNaN(r.score())) {
                scores.add(r.score());
            }
            if (r.started()) {
                steps.add(r.steps());
                seconds.add(r.durationMs() / 1000.0);
            }
            in += r.tokensIn();
            out += r.tokensOut();
            cost += r.costUsd();
            switch (r.answerCheck()) {
                case "success" -> checks[0]++;
                case "failure" -> checks[1]++;
                case "unscored" -> checks[2]++;
                default -> { }
            }
            String oracle = r.oracle();
            for (Map.Entry<String, String> v : r.judges().entrySet()) {
                if (decided(oracle) && decided(v.getValue())) {
                    int[] a = agreement.computeIfAbsent(v.getKey(), k -> new int[2]);
                    a[0] += oracle.equals(v.getValue()) ? 1 : 0;
                    a[1]++;
                }
            }
        }
        int scored = passed + failed;
        Map<String, Agreement> judges = new TreeMap<>();
        agreement.forEach((k, a) -> judges.put(k, new Agreement(a[0], a[1])));
        return new Aggregate(suite, agent, rows.size(), tasks.size(), passed, failed, broken, skipped,
                unscored, blocked, scored == 0 ? Double.NaN : (double) passed / scored, Stats.stderr(passed, scored),
                Stats.wilson95(passed, scored), Stats.mean(rewards), Stats.mean(scores), Stats.mean(steps),
                Stats.median(seconds), in, out, cost, judges, new AnswerCheck(checks[0], checks[1], checks[2]));
    }

    private static boolean decided(String outcome) {
        return outcome.equals("success") || outcome.equals("failure");
    }
}
