package dev.gauntlet.reports.cli;

import dev.gauntlet.reports.store.ResultRow;
import dev.gauntlet.reports.store.Stats;
import dev.gauntlet.reports.store.StoredRun;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares two runs of the same suite episode by episode (suite, task, seed): which flipped from pass to fail and
 * back, and whether the difference in success is more than chance (exact McNemar test on the flips). Runs whose
 * suite sources differ are refused unless {@code allowDifferentSources}, and then the report says so first.
 */
final class RunComparison {

    /** Why two runs cannot be compared. */
    static final class RefusedException extends Exception {
        RefusedException(String message) {
            super(message);
        }
    }

    private RunComparison() {}

    /** Returns the comparison as markdown. */
    static String compare(StoredRun a, StoredRun b, boolean allowDifferentSources) throws RefusedException {
        TreeSet<String> suites = new TreeSet<>(suites(a));
        suites.retainAll(suites(b));
        if (suites.isEmpty()) {
            throw new RefusedException("the runs share no suite: " + a.id() + " ran " + suites(a) + ", " + b.id()
                    + " ran " + suites(b));
        }
        for (StoredRun r : List.of(a, b)) {
            TreeSet<String> agents = new TreeSet<>();
            r.rows().stream().filter(x -> suites.contains(x.suite())).forEach(x -> agents.add(x.agent()));
            if (agents.size() > 1) {
                throw new RefusedException("run " + r.dir() + " has several agents " + agents
                        + "; compare runs of one agent each");
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("# Comparison: ").append(a.id()).append(" → ").append(b.id()).append("\n\n");
        List<String> mismatches = new ArrayList<>();
        for (String suite : suites) {
            String sa = a.sources().getOrDefault(suite, "unknown");
            String sb = b.sources().getOrDefault(suite, "unknown");
            if (!sa.equals(sb)) {
                mismatches.add(suite + ": A = " + sa + ", B = " + sb);
            }
        }
        if (!mismatches.isEmpty()) {
            if (!allowDifferentSources) {
                throw new RefusedException("the runs used different suite sources (" + String.join("; ", mismatches)
                        + "); their tasks may differ. Pass --allow-different-sources to compare anyway");
            }
            md.append("> **Warning: different suite sources** — ").append(String.join("; ", mismatches))
                    .append(". Tasks with the same id may not be the same task.\n\n");
        }
        for (String suite : suites) {
            section(md, suite, index(a, suite), index(b, suite), a, b);
        }
        return md.toString();
    }

    private static void section(StringBuilder md, String suite, Map<String, ResultRow> a, Map<String, ResultRow> b,
                                StoredRun runA, StoredRun runB) {
        List<String> passFail = new ArrayList<>(), failPass = new ArrayList<>(), notComparable = new ArrayList<>();
        int bothPass = 0, bothFail = 0;
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String key : keys) {
            ResultRow ra = a.get(key), rb = b.get(key);
            if (ra == null || rb == null || !ra.scored() || !rb.scored()) {
                notComparable.add(key + " (" + (ra == null ? "absent" : ra.status()) + " → "
                        + (rb == null ? "absent" : rb.status()) + ")");
            } else if (ra.passed() && rb.passed()) {
                bothPass++;
            } else if (ra.passed()) {
                passFail.add(key);
            } else if (rb.passed()) {
                failPass.add(key);
            } else {
                bothFail++;
            }
        }
        int n = bothPass + bothFail + passFail.size() + failPass.size();
        int bc = passFail.size(), cb = failPass.size();
        md.append("## ").append(suite).append("\n\n");
        md.append("A = `").append(runA.id()).append("` (").append(agent(a)).append("), B = `").append(runB.id())
                .append("` (").append(agent(b)).append("); ").append(n).append(" paired episodes (task × seed).\n\n");
        if (n > 0) {
            double rateA = (double) (bothPass + bc) / n, rateB = (double) (bothPass + cb) / n;
            double delta = rateB - rateA;
            double se = Math.sqrt(Math.max(0, bc + cb - (double) (cb - bc) * (cb - bc) / n)) / n;
            md.append(String.format(Locale.ROOT, "| | A | B | B − A |%n|---|---|---|---|%n"
                            + "| success (paired) | %.1f%% | %.1f%% | %+.1f pp (95%% CI %+.1f to %+.1f) |%n%n"
                            + "The interval is a normal approximation; with few flips trust the exact test below.%n%n",
                    100 * rateA, 100 * rateB, 100 * delta, 100 * Math.max(-1, delta - Stats.Z95 * se), 100 * Math.min(1, delta + Stats.Z95 * se)));
            md.append(String.format(Locale.ROOT, "Contingency: both pass %d, pass→fail %d, fail→pass %d, both fail %d. "
                            + "McNemar exact p = %.4g (χ² with continuity correction = %.3f); %s at the 5%% level.%n%n",
                    bothPass, bc, cb, bothFail, Stats.mcNemarExact(bc, cb), Stats.mcNemarChiSquare(bc, cb),
                    Stats.mcNemarExact(bc, cb) < 0.05 ? "significant" : "not significant"));
        }
        list(md, "Pass → fail", passFail);
        list(md, "Fail → pass", failPass);
        list(md, "Not comparable (broken, skipped or missing in one run)", notComparable);
    }

    private static void list(StringBuilder md, String title, List<String> keys) {
        md.append("### ").append(title).append(" (").append(keys.size()).append(")\n\n");
        if (keys.isEmpty()) {
            md.append("none\n\n");
            return;
        }
        for (String k : keys) {
            md.append("- ").append(k).append('\n');
        }
        md.append('\n');
    }

    private static Map<String, ResultRow> index(StoredRun run, String suite) {
        Map<String, ResultRow> out = new TreeMap<>();
        for (ResultRow r : run.rows()) {
            if (r.suite().equals(suite)) {
                out.put(r.task() + " seed " + r.seed(), r);
            }
        }
        return out;
    }

    private static String agent(Map<String, ResultRow> rows) {
        return rows.isEmpty() ? "no episodes" : rows.values().iterator().next().agent();
    }

    private static TreeSet<String> suites(StoredRun r) {
        TreeSet<String> out = new TreeSet<>(r.sources().keySet());
        r.rows().forEach(x -> out.add(x.suite()));
        return out;
    }
}
