package dev.gauntlet.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gauntlet.api.EpisodeResult;
import dev.gauntlet.api.RunFolder;
import dev.gauntlet.api.Verdict;
import dev.gauntlet.reports.store.CorruptRunException;
import dev.gauntlet.reports.store.ResultRow;
import dev.gauntlet.reports.store.StoredRun;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How well each judge agrees with the benchmark's oracle, per suite: the confusion matrix (judge's success against
 * the oracle's, the oracle taken as truth), precision, recall, F1, accuracy and Cohen's κ. Only episodes where both
 * gave a verdict count; episodes the judge left unscored are counted apart. With more than one suite, an {@code all}
 * row per judge pools them.
 */
public final class JudgeAgreement {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JudgeAgreement() {}

    /**
     * One judge on one suite.
     *
     * @param suite    suite name, or {@code all}
     * @param judge    judge name
     * @param tp       judge success, oracle success
     * @param fp       judge success, oracle failure
     * @param fn       judge failure, oracle success
     * @param tn       judge failure, oracle failure
     * @param unscored episodes the oracle scored but the judge could not
     */
    public record Row(String suite, String judge, int tp, int fp, int fn, int tn, int unscored) {

        /** Returns the episodes both scored. */
        public int n() {
            return tp + fp + fn + tn;
        }

        public double precision() {
            return ratio(tp, tp + fp);
        }

        public double recall() {
            return ratio(tp, tp + fn);
        }

        /** Returns the harmonic mean of precision and recall, or NaN when either is undefined or both are 0. */
        public double f1() {
            return ratio(2.0 * tp, 2.0 * tp + fp + fn);
        }

        public double accuracy() {
            return ratio(tp + tn, n());
        }

        /** Returns the oracle's success rate over the episodes both scored. */
        public double oracleSuccessRate() {
            return ratio(tp + fn, n());
        }

        public double judgeSuccessRate() {
            return ratio(tp + fp, n());
        }

        /**
         * Returns Cohen's κ = (p_o − p_e) / (1 − p_e); NaN when p_e = 1 (both always said the same one thing, so
         * chance agreement explains everything and κ is undefined).
         */
        public double kappa() {
            double n = n();
            if (n == 0) {
                return Double.NaN;
            }
            double po = (tp + tn) / n;
            double pe = ((double) (tp + fp) * (tp + fn) + (double) (fn + tn) * (fp + tn)) / (n * n);
            return pe == 1 ? Double.NaN : (po - pe) / (1 - pe);
        }

        /** Returns the row as ordered key → value, NaN as null (the form of {@code judges.json}). */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("suite", suite);
            m.put("judge", judge);
            m.put("n", n());
            m.put("tp", tp);
            m.put("fp", fp);
            m.put("fn", fn);
            m.put("tn", tn);
            m.put("unscored", unscored);
            m.put("precision", num(precision()));
            m.put("recall", num(recall()));
            m.put("f1", num(f1()));
            m.put("accuracy", num(accuracy()));
            m.put("kappa", num(kappa()));
            m.put("oracle_success_rate", num(oracleSuccessRate()));
            m.put("judge_success_rate", num(judgeSuccessRate()));
            return m;
        }

        Row plus(Row o) {
            return new Row("all", judge, tp + o.tp, fp + o.fp, fn + o.fn, tn + o.tn, unscored + o.unscored);
        }
    }

    /** Returns one row per suite and judge that scored episodes with an oracle, sorted by suite then judge. */
    public static List<Row> compute(List<EpisodeResult> results) {
        Map<String, Map<String, int[]>> counts = new TreeMap<>();
        for (EpisodeResult r : results) {
            Optional<Verdict> oracle = r.oracle();
            if (oracle.isEmpty() || oracle.get().outcome() == Verdict.Outcome.UNSCORED) {
                continue;
            }
            for (Map.Entry<String, Verdict> judged : r.judges().entrySet()) {
                Verdict v = judged.getValue();
                tally(counts, r.task().suite(), judged.getKey(), oracle.get().success(),
                        v.outcome() == Verdict.Outcome.UNSCORED ? null : v.success());
            }
        }
        return rows(counts);
    }

    /**
     * As {@link #compute}, from a run's results file, its last row per episode: the whole run, every invocation of a
     * resumed one and every shard of a merged one.
     */
    public static List<Row> fromRows(List<ResultRow> results) {
        Map<String, Map<String, int[]>> counts = new TreeMap<>();
        for (ResultRow r : StoredRun.lastPerEpisode(results)) {
            if (!r.oracle().equals("success") && !r.oracle().equals("failure")) {
                continue;
            }
            for (Map.Entry<String, String> judged : r.judges().entrySet()) {
                String v = judged.getValue();
                tally(counts, r.suite(), judged.getKey(), r.oracle().equals("success"),
                        v.equals("success") ? Boolean.TRUE : v.equals("failure") ? Boolean.FALSE : null);
            }
        }
        return rows(counts);
    }

    /** The whole run's agreement from its folder's results file; from {@code results} when that cannot be read. */
    static List<Row> ofRun(RunFolder folder, List<EpisodeResult> results) {
        try {
            return fromRows(StoredRun.results(folder));
        } catch (CorruptRunException e) {
            return compute(results);
        }
    }

    /** Counts one judge verdict ({@code null}: unscored) against the oracle's {@code truth}. */
    private static void tally(Map<String, Map<String, int[]>> counts, String suite, String judge, boolean truth,
                              Boolean judged) {
        int[] c = counts.computeIfAbsent(suite, k -> new TreeMap<>()).computeIfAbsent(judge, k -> new int[5]);
        if (judged == null) {
            c[4]++;
        } else {
            c[judged ? (truth ? 0 : 1) : (truth ? 2 : 3)]++;
        }
    }

    private static List<Row> rows(Map<String, Map<String, int[]>> counts) {
        List<Row> rows = new ArrayList<>();
        Map<String, Row> pooled = new TreeMap<>();
        counts.forEach((suite, byJudge) -> byJudge.forEach((judge, c) -> {
            Row row = new Row(suite, judge, c[0], c[1], c[2], c[3], c[4]);
            rows.add(row);
            pooled.merge(judge, new Row("all", judge, c[0], c[1], c[2], c[3], c[4]), Row::plus);
        }));
        if (counts.size() > 1) {
            rows.addAll(pooled.values());
        }
        return rows;
    }

    /** Returns {@code {"judges": [row, ...]}} as indented JSON, NaN as null. */
    public static String toJson(List<Row> rows) {
        try {
            return JSON.writeValueAsString(Map.of("judges", rows.stream().map(Row::toMap).toList()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }

    private static Double num(double d) {
        return Double.isNaN(d) ? null : Math.round(d * 1e6) / 1e6;
    }
}
