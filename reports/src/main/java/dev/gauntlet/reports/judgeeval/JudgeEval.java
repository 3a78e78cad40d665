package dev.gauntlet.reports.judgeeval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gauntlet.reports.JudgeAgreement;
import dev.gauntlet.reports.store.ResultRow;
import dev.gauntlet.reports.store.StoredRun;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Each judge of a stored run against human labels, and against the oracle: the confusion matrix (the reference taken
 * as truth), precision, recall, F1, accuracy and Cohen's κ. A judge's unreadable (unscored) verdicts are counted both
 * ways, once as failures and once as successes, so neither reading flatters it. The oracle itself is also set
 * against the humans. Episodes are matched to labels by task ({@code 177}, or {@code webarena.177} as
 * AgentRewardBench names it) and agent (the label's agent mapped to the run's, or any agent when the labels name one).
 */
public final class JudgeEval {

    /** One comparison: {@code judge} against {@code reference} (humans or oracle), unreadable verdicts counted as. */
    public record Line(String reference, String judge, String unreadableAs, JudgeAgreement.Row counts) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("reference", reference);
            m.put("unreadable_as", unreadableAs);
            m.putAll(counts.toMap());
            m.remove("suite");
            m.put("unreadable", counts.unscored());
            m.remove("unscored");
            return m;
        }
    }

    private JudgeEval() {}

    /** Compares, prints one line per comparison and writes {@code judge-eval.json} and {@code judge-eval.csv} to {@code out}. */
    public static List<Line> run(Path labelsFile, Path runDir, Map<String, String> agents, Path out, PrintStream print)
            throws IOException, dev.gauntlet.reports.store.CorruptRunException {
        StoredRun run = StoredRun.read(runDir);
        return compare(labelsFile, run.id(), run.rows(), agents, out, print);
    }

    /**
     * Judges trajectories imported from another harness ({@link ImportFormat}) with {@code judges} and compares them
     * as {@link #run} does; the judged episodes are also written to {@code out/results.csv}.
     */
    public static List<Line> runImported(Path labelsFile, ImportFormat format, Path source, List<String> judges,
                                         dev.gauntlet.api.Config config, Map<String, String> agents, Path out,
                                         PrintStream print) throws IOException {
        HumanLabels.read(labelsFile); // a bad labels file fails before any judge is called
        List<ImportedEpisode> episodes = format.read(source);
        List<ResultRow> rows = ImportedJudging.judge(episodes, judges, config, source);
        Files.createDirectories(out);
        StoredRun.writeResults(out.resolve("results.csv"), ResultRow.header(judges), rows);
        print.println("[judge-eval] imported " + episodes.size() + " " + format.label() + " trajectories from "
                + source + ", judged by " + String.join(", ", judges));
        return compare(labelsFile, format.label() + ":" + source.getFileName(), rows, agents, out, print);
    }

    private static List<Line> compare(Path labelsFile, String source, List<ResultRow> all, Map<String, String> agents,
                                      Path out, PrintStream print) throws IOException {
        HumanLabels.Read read = HumanLabels.read(labelsFile);
        boolean oneAgent = read.labels().stream().map(HumanLabels.Label::agent).distinct().count() == 1;
        TreeSet<String> judges = new TreeSet<>();
        all.forEach(r -> judges.addAll(r.judges().keySet()));
        List<Boolean> humans = new ArrayList<>();
        List<ResultRow> rows = new ArrayList<>();
        for (ResultRow r : all) {
            for (HumanLabels.Label l : read.labels()) {
                if (sameTask(l, r) && sameAgent(l, r, agents, oneAgent)) {
                    humans.add(l.success());
                    rows.add(r);
                    break;
                }
            }
        }
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("humans", "oracle", "-", tally(humans, rows, r -> r.oracle(), false)));
        for (String j : judges) {
            for (boolean asSuccess : new boolean[] {false, true}) {
                lines.add(new Line("humans", j, asSuccess ? "success" : "failure",
                        tally(humans, rows, r -> r.judges().getOrDefault(j, "unscored"), asSuccess)));
            }
        }
        for (String j : judges) {
            List<Boolean> oracle = new ArrayList<>();
            List<ResultRow> scored = new ArrayList<>();
            for (ResultRow r : rows) {
                if (r.oracle().equals("success") || r.oracle().equals("failure")) {
                    oracle.add(r.oracle().equals("success"));
                    scored.add(r);
                }
            }
            for (boolean asSuccess : new boolean[] {false, true}) {
                lines.add(new Line("oracle", j, asSuccess ? "success" : "failure",
                        tally(oracle, scored, r -> r.judges().getOrDefault(j, "unscored"), asSuccess)));
            }
        }
        print.println("[judge-eval] " + labelsFile.getFileName() + ": " + read.labels().size() + " labels ("
                + read.leftOut() + " left out: unsure, not executable or repeated), " + rows.size()
                + " matched episodes of " + all.size() + " in " + source);
        for (Line l : lines) {
            JudgeAgreement.Row c = l.counts();
            print.println(String.format(Locale.ROOT, "[judge-eval] %s vs %s (unreadable as %s): %d episodes, "
                            + "precision %s, recall %s, F1 %s, accuracy %s, kappa %s (TP %d, FP %d, FN %d, TN %d; "
                            + "unreadable %d)", l.judge(), l.reference(), l.unreadableAs(), c.n(), f(c.precision()),
                    f(c.recall()), f(c.f1()), f(c.accuracy()), f(c.kappa()), c.tp(), c.fp(), c.fn(), c.tn(),
                    c.unscored()));
        }
        Files.createDirectories(out);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("judge-eval.json").toFile(),
                Map.of("labels", labelsFile.toString(), "run", source, "matched", rows.size(),
                        "comparisons", lines.stream().map(Line::toMap).toList()));
        StringBuilder csv = new StringBuilder("reference,judge,unreadable_as,n,tp,fp,fn,tn,unreadable,precision,"
                + "recall,f1,accuracy,kappa\n");
        for (Line l : lines) {
            JudgeAgreement.Row c = l.counts();
            csv.append(String.join(",", l.reference(), l.judge(), l.unreadableAs(), "" + c.n(), "" + c.tp(),
                    "" + c.fp(), "" + c.fn(), "" + c.tn(), "" + c.unscored(), f(c.precision()), f(c.recall()),
                    f(c.f1()), f(c.accuracy()), f(c.kappa()))).append('\n');
        }
        Files.writeString(out.resolve("judge-eval.csv"), csv);
        return lines;
    }

    private static JudgeAgreement.Row tally(List<Boolean> truth, List<ResultRow> rows,
                                            java.util.function.Function<ResultRow, String> verdict, boolean unreadableAsSuccess) {
        int tp = 0, fp = 0, fn = 0, tn = 0, unreadable = 0;
        for (int i = 0; i < rows.size(); i++) {
            String v = verdict.apply(rows.get(i));
            boolean said;
            if (v.equals("success") || v.equals("failure")) {
                said = v.equals("success");
            } else {
                unreadable++;
                said = unreadableAsSuccess;
            }
            boolean t = truth.get(i);
            if (said && t) {
                tp++;
            } else if (said) {
                fp++;
            } else if (t) {
                fn++;
            } else {
                tn++;
            }
        }
        return new JudgeAgreement.Row("humans", "", tp, fp, fn, tn, unreadable);
    }

    private static boolean sameTask(HumanLabels.Label l, ResultRow r) {
        return l.task().equals(r.task()) || l.task().equals(r.suite() + "." + r.task());
    }

    private static boolean sameAgent(HumanLabels.Label l, ResultRow r, Map<String, String> agents, boolean oneAgent) {
        String ours = r.agent().split(":", 2)[0];
        if (agents.containsKey(l.agent())) {
            String mapped = agents.get(l.agent());
            return mapped.equals(r.agent()) || mapped.equals(ours);
        }
        return agents.isEmpty() && (oneAgent || l.agent().equals(r.agent()) || l.agent().equals(ours));
    }

    private static String f(double d) {
        return Double.isNaN(d) ? "n/a" : String.format(Locale.ROOT, "%.3f", d);
    }
}
