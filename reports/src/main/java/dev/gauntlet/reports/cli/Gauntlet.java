package dev.gauntlet.reports.cli;

import dev.gauntlet.api.Config;
import dev.gauntlet.api.Constants;
import dev.gauntlet.api.RunFolder;
import dev.gauntlet.reports.HtmlReport;
import dev.gauntlet.reports.Leaderboard;
import dev.gauntlet.reports.RunMerge;
import dev.gauntlet.reports.store.CorruptRunException;
import dev.gauntlet.reports.store.StoredRun;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Command line over the run store (see reports/README.md):
 * <pre>
 * compare RUN_A RUN_B [--out FILE] [--allow-different-sources]
 * leaderboard [--runs DIR] [--out FILE] [EXTRA_RUN_OR_RUNS_FOLDER...]
 * report RUN
 * merge RUN_ID_FOLDER | SHARD... --out DIR [--leaderboard FILE|off]
 * judge-eval --labels FILE --run RUN [--agent LABEL_AGENT=RUN_AGENT]... [--out DIR]
 * judge-eval --labels FILE --import FORMAT=PATH --judge NAME,... [--agent LABEL_AGENT=AGENT]... --out DIR
 * </pre>
 */
public final class Gauntlet {

    static final String USAGE = String.join("\n",
            "usage:",
            "  compare RUN_A RUN_B [--out FILE] [--allow-different-sources]",
            "      tasks that flipped between two runs of one suite, with McNemar's test; markdown printed and",
            "      written to FILE (default RUN_B/comparison-vs-<RUN_A id>.md)",
            "  leaderboard [--runs DIR] [--out FILE] [FOLDER...]",
            "      regenerate FILE (default leaderboard.md) from the runs in DIR (default runs) and the extra",
            "      FOLDERs (each a run folder or a folder of runs)",
            "  report RUN",
            "      regenerate RUN/report/ and RUN/report.html from RUN/allure-results",
            "  merge RUN_ID_FOLDER | SHARD... --out DIR [--leaderboard FILE|off]",
            "      join an array's shard folders (RUN_ID_FOLDER/shard-<i>-of-<n>, or the SHARD folders given) into",
            "      one run in RUN_ID_FOLDER (or DIR): results, summary, manifest, trajectories, Allure results; then",
            "      regenerate FILE (default leaderboard.md) from the runs beside it; refuses mixed configurations",
            "  judge-eval --labels FILE --run RUN [--agent LABEL_AGENT=RUN_AGENT]... [--out DIR]",
            "      each judge of RUN against human labels (AgentRewardBench's annotations.csv or Online-Mind2Web's",
            "      human_label.json) and against the oracle: precision, recall, F1, accuracy, kappa, unreadable",
            "      verdicts counted both ways; written to DIR (default RUN)/judge-eval.json and judge-eval.csv",
            "  judge-eval --labels FILE --import FORMAT=PATH --judge NAME,... [--agent LABEL_AGENT=AGENT]... --out DIR",
            "      the same over another harness's trajectories, judged here by the judges named: FORMAT",
            "      online-mind2web (a folder of task folders with result.json and trajectory/) or agentrewardbench",
            "      (a trajectory .json or a folder of them); the judged episodes go to DIR/results.csv");

    private Gauntlet() {}

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs one command; returns the exit code (0 ok, 1 failed, 2 usage). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> a = new ArrayList<>(List.of(args));
        if (a.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        String command = a.remove(0);
        try {
            switch (command) {
                case "compare":
                    return compare(a, out);
                case "leaderboard":
                    return leaderboard(a);
                case "report":
                    return report(a, out);
                case "merge":
                    return merge(a, out);
                case "judge-eval":
                    return judgeEval(a, out);
                default:
                    err.println("unknown command '" + command + "'\n" + USAGE);
                    return 2;
            }
        } catch (UsageException e) {
            err.println(e.getMessage() + "\n" + USAGE);
            return 2;
        } catch (CorruptRunException | RunComparison.RefusedException | RunMerge.RefusedException e) {
            err.println("[gauntlet] " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("[gauntlet] " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static int compare(List<String> args, PrintStream out)
            throws IOException, CorruptRunException, RunComparison.RefusedException {
        String outFile = option(args, "--out");
        boolean allow = args.remove("--allow-different-sources");
        if (args.size() != 2) {
            throw new UsageException("compare needs two run folders, got " + args);
        }
        StoredRun a = StoredRun.read(existing(args.get(0)));
        StoredRun b = StoredRun.read(existing(args.get(1)));
        String md = RunComparison.compare(a, b, allow);
        Path target = outFile != null ? Path.of(outFile) : new RunFolder(b.dir()).comparison(a.id());
        Files.writeString(target, md);
        out.print(md);
        out.println("[gauntlet] comparison written to " + target.toAbsolutePath());
        return 0;
    }

    private static int leaderboard(List<String> args) throws IOException {
        String runs = option(args, "--runs");
        String outFile = option(args, "--out");
        List<Path> folders = new ArrayList<>();
        folders.add(Path.of(runs == null ? Constants.RUNS_DIR_DEFAULT : runs));
        for (String extra : args) {
            if (extra.startsWith("--")) {
                throw new UsageException("unknown option " + extra);
            }
            folders.add(existing(extra));
        }
        Leaderboard.write(folders, Path.of(outFile == null ? Constants.LEADERBOARD_DEFAULT : outFile).toAbsolutePath());
        return 0;
    }

    private static int report(List<String> args, PrintStream out)
            throws IOException, CorruptRunException, InterruptedException {
        if (args.size() != 1) {
            throw new UsageException("report needs one run folder, got " + args);
        }
        Path run = existing(args.get(0));
        if (!Files.isDirectory(new RunFolder(run).allureResults())) {
            throw new CorruptRunException(run, "has no allure-results/ folder to build a report from");
        }
        String problem = HtmlReport.generate(Config.of(Map.of()), run);
        if (!problem.isEmpty()) {
            out.println("[gauntlet] no HTML report: " + problem);
            return 1;
        }
        return 0;
    }

    private static int merge(List<String> args, PrintStream out)
            throws IOException, CorruptRunException, RunMerge.RefusedException, InterruptedException {
        String outDir = option(args, "--out");
        String board = option(args, "--leaderboard");
        for (String a : args) {
            if (a.startsWith("--")) {
                throw new UsageException("unknown option " + a);
            }
        }
        List<Path> shards = new ArrayList<>();
        Path target;
        if (args.size() == 1 && outDir == null) {
            target = existing(args.get(0));
            shards.addAll(RunMerge.shardsOf(target));
        } else if (!args.isEmpty() && outDir != null) {
            for (String a : args) {
                shards.add(existing(a));
            }
            target = Path.of(outDir).toAbsolutePath();
        } else {
            throw new UsageException("merge needs a run id's folder, or shard folders and --out DIR; got " + args);
        }
        StoredRun merged = RunMerge.merge(shards, target);
        out.println("[gauntlet] merged " + shards.size() + " shards into " + target + ": " + merged.rows().size()
                + " episodes");
        // the merged run's report, as `report` makes it; a missing generator is one line and the merge stands
        if (Files.isDirectory(new RunFolder(target).allureResults())) {
            String problem = HtmlReport.generate(Config.of(Map.of()), target);
            if (!problem.isEmpty()) {
                out.println("[gauntlet] no HTML report: " + problem);
            }
        }
        String file = board == null ? Constants.LEADERBOARD_DEFAULT : board;
        if (!file.equals("off")) {
            Leaderboard.write(List.of(target.getParent()), Path.of(file).toAbsolutePath());
        }
        return 0;
    }

    private static Path existing(String path) throws UsageException {
        Path p = Path.of(path);
        if (!Files.isDirectory(p)) {
            throw new UsageException("'" + path + "' is not a folder (expected a run folder such as runs/<run-id>)");
        }
        try {
            return p.toRealPath(); // runs/latest is a link; the run's own id is what counts
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static int judgeEval(List<String> args, PrintStream out) throws IOException, CorruptRunException {
        String labels = option(args, "--labels");
        String run = option(args, "--run");
        String outDir = option(args, "--out");
        Map<String, String> agents = new java.util.LinkedHashMap<>();
        for (String a = option(args, "--agent"); a != null; a = option(args, "--agent")) {
            String[] kv = a.split("=", 2);
            if (kv.length != 2) {
                throw new UsageException("--agent takes LABEL_AGENT=RUN_AGENT, got '" + a + "'");
            }
            agents.put(kv[0], kv[1]);
        }
        String imported = option(args, "--import");
        String judges = option(args, "--judge");
        if (imported != null) {
            return judgeEvalImported(labels, run, imported, judges, outDir, agents, args, out);
        }
        if (labels == null || run == null || judges != null || !args.isEmpty()) {
            throw new UsageException("judge-eval needs --labels FILE and --run RUN; got " + args);
        }
        Path dir = existing(run);
        try {
            dev.gauntlet.reports.judgeeval.JudgeEval.run(Path.of(labels), dir, agents,
                    outDir == null ? dir : Path.of(outDir), out);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return 0;
    }

    private static int judgeEvalImported(String labels, String run, String imported, String judges, String outDir,
                                         Map<String, String> agents, List<String> args, PrintStream out)
            throws IOException {
        String[] kv = imported.split("=", 2);
        if (labels == null || run != null || judges == null || outDir == null || kv.length != 2 || !args.isEmpty()) {
            throw new UsageException("judge-eval --import needs --labels FILE, --import FORMAT=PATH, --judge NAME,... "
                    + "and --out DIR (and no --run); got --import " + imported + " " + args);
        }
        try {
            dev.gauntlet.reports.judgeeval.JudgeEval.runImported(Path.of(labels),
                    dev.gauntlet.reports.judgeeval.ImportFormat.of(kv[0]), Path.of(kv[1]), dev.gauntlet.api.JudgeSpec.split(judges),
                    Config.from(k -> java.util.Optional.empty()), agents, Path.of(outDir), out);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return 0;
    }

    private static String option(List<String> args, String name) throws UsageException {
        int i = args.indexOf(name);
        if (i < 0) {
            return null;
        }
        if (i + 1 >= args.size()) {
            throw new UsageException(name + " needs a value");
        }
        args.remove(i);
        return args.remove(i);
    }

    private static final class UsageException extends IOException {
        UsageException(String message) {
            super(message);
        }
    }
}
