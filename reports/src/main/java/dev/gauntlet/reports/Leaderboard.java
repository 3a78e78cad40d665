package dev.gauntlet.reports;

import dev.gauntlet.api.Constants;
import dev.gauntlet.api.EpisodeResult;
import dev.gauntlet.api.RunInfo;
import dev.gauntlet.api.RunListener;
import dev.gauntlet.reports.store.Aggregate;
import dev.gauntlet.reports.store.CorruptRunException;
import dev.gauntlet.reports.store.StoredRun;
import dev.gauntlet.reports.store.TaskMetrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Regenerates {@code leaderboard.md} from every finished run in the runs folder (and any extra run folders): one
 * table per suite, one row per agent from its <em>latest</em> finished run (latest, not best, so a lucky run
 * does not stick), sorted by success rate. A run folder that cannot be read (killed run, hand-edited CSV) is named
 * with its fault, on the console and at the end of the file, and skipped. Same runs give the same file.
 *
 * <p>Each row links its run's report, or its folder, only where the readers of the leaderboard have that file too
 * ({@link LinkableFiles}): the committed {@code leaderboard.md} never links into the git-ignored {@code runs/}, and
 * names the run instead.
 */
public final class Leaderboard implements RunListener {

    @Override
    public void runFinished(RunInfo run, List<EpisodeResult> results) throws IOException {
        String target = run.config().get(Constants.LEADERBOARD, Constants.LEADERBOARD_DEFAULT);
        if (target.equalsIgnoreCase("off")) {
            return;
        }
        Path out = Path.of(target).toAbsolutePath();
        write(List.of(run.dir().toAbsolutePath().getParent()), out);
    }

    /**
     * Writes the leaderboard of {@code folders} (each a runs folder or a single run folder) to {@code out}; returns
     * the folders that were skipped, with why.
     */
    public static List<CorruptRunException> write(List<Path> folders, Path out) throws IOException {
        List<CorruptRunException> skipped = new ArrayList<>();
        String md = render(folders, out.toAbsolutePath().getParent(), skipped);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md);
        for (CorruptRunException e : skipped) {
            System.err.println("[gauntlet] leaderboard: skipping " + e.getMessage());
        }
        System.out.println("[gauntlet] leaderboard: " + out);
        return skipped;
    }

    /** Renders the leaderboard; unreadable run folders are added to {@code skipped}. */
    static String render(List<Path> folders, Path relativeTo, List<CorruptRunException> skipped) throws IOException {
        Map<String, Map<String, Entry>> bySuite = new TreeMap<>();
        List<Path> runs = runFolders(folders);
        for (Path dir : runs) {
            StoredRun run;
            try {
                run = StoredRun.read(dir);
            } catch (CorruptRunException e) {
                skipped.add(e);
                continue;
            }
            Map<String, String> sources = run.sources();
            run.bySuiteAndAgent().forEach((suite, byAgent) -> byAgent.forEach((agent, rows) ->
                    bySuite.computeIfAbsent(suite, k -> new TreeMap<>()).merge(agent,
                            new Entry(run, Aggregate.of(suite, agent, rows), sources.getOrDefault(suite, ""),
                                    TaskMetrics.averages(rows)),
                            (a, b) -> Entry.ORDER.compare(a, b) >= 0 ? a : b)));
        }
        StringBuilder md = new StringBuilder("# Gauntlet leaderboard\n\n");
        md.append("Generated from ").append(runs.size()).append(" run folder(s). One row per suite and agent: its latest")
                .append(" finished run. Success is passed / (passed + failed) ± one standard error; broken, skipped,")
                .append(" unscored (ran, but the oracle could not score them) and blocked (the site refused the browser)")
                .append(" episodes are counted apart; infra errors is broken / all episodes (the harness, a site, a")
                .append(" browser or the model server failed, not the agent). Score is the suite's native metric; times")
                .append(" are medians per episode.\n");
        LinkableFiles linkable = LinkableFiles.forFolder(relativeTo);
        for (Map.Entry<String, Map<String, Entry>> suite : bySuite.entrySet()) {
            table(md, suite.getKey(), new ArrayList<>(suite.getValue().values()), relativeTo, linkable);
        }
        if (!skipped.isEmpty()) {
            md.append("\n## Skipped run folders\n\n");
            for (CorruptRunException e : skipped) {
                md.append("- `").append(display(e.path(), relativeTo)).append("`: ").append(e.what()).append('\n');
            }
        }
        return md.toString();
    }

    private static void table(StringBuilder md, String suite, List<Entry> entries, Path relativeTo,
                              LinkableFiles linkable) {
        entries.sort(Comparator.comparingDouble((Entry e) -> rate(e.figures())).reversed()
                .thenComparing(e -> e.figures().agent()));
        TreeSet<String> sources = new TreeSet<>();
        TreeSet<String> judges = new TreeSet<>();
        for (Entry e : entries) {
            sources.add(e.source());
            judges.addAll(e.figures().judgeAgreement().keySet());
        }
        md.append("\n## ").append(suite).append("\n\n");
        if (sources.size() == 1) {
            md.append("Source: ").append(sources.first().isEmpty() ? "unknown" : sources.first()).append("\n\n");
        }
        Map<String, java.util.function.Function<Entry, String>> columns = new LinkedHashMap<>();
        columns.put("agent", e -> cell(e.figures().agent()));
        columns.put("success", e -> Double.isNaN(e.figures().successRate()) ? "–" : String.format(Locale.ROOT,
                "%.1f%% ± %.1f", 100 * e.figures().successRate(), 100 * e.figures().stderr()));
        columns.put("score", e -> fixed(e.figures().meanScore(), 3));
        columns.put("episodes", e -> e.figures().episodes() + apart(e.figures()));
        columns.put("infra errors", e -> Double.isNaN(e.figures().infraErrorRate()) ? "–"
                : String.format(Locale.ROOT, "%.1f%%", 100 * e.figures().infraErrorRate()));
        columns.put("mean steps", e -> fixed(e.figures().meanSteps(), 1));
        columns.put("median s", e -> fixed(e.figures().medianSeconds(), 2));
        columns.put("tokens in/out", e -> e.figures().tokensIn() + " / " + e.figures().tokensOut());
        columns.put("cost $", e -> String.format(Locale.ROOT, "%.4f", e.figures().costUsd()));
        if (!judges.isEmpty()) {
            columns.put("judge agreement", e -> agreement(e.figures()));
        }
        if (sources.size() > 1) {
            columns.put("source", e -> cell(e.source()));
        }
        columns.put("run", e -> link(e.run(), relativeTo, linkable));
        md.append("| ").append(String.join(" | ", columns.keySet())).append(" |\n");
        md.append("|").append("---|".repeat(columns.size())).append('\n');
        for (Entry e : entries) {
            md.append("| ").append(String.join(" | ", columns.values().stream().map(f -> f.apply(e)).toList()))
                    .append(" |\n");
        }
        figures(md, entries);
    }

    /**
     * The tasks' own figures ({@link TaskMetrics}), when the suite's oracle gives them: one row per agent and group
     * (Mind2Web's split) and {@code all}, each figure's micro mean with the macro mean in brackets, and the success
     * rate of the group's tasks.
     */
    private static void figures(StringBuilder md, List<Entry> entries) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        for (Entry e : entries) {
            e.metrics().values().forEach(a -> names.addAll(a.macro().keySet()));
        }
        if (names.isEmpty()) {
            return;
        }
        md.append("\nPer group: each figure's mean over steps (micro), the mean of the tasks' means (macro) in brackets;")
                .append(" success is the share of the group's tasks that passed.\n\n");
        md.append("| agent | group | tasks | ").append(String.join(" | ", names)).append(" | success |\n");
        md.append("|").append("---|".repeat(names.size() + 4)).append('\n');
        for (Entry e : entries) {
            e.metrics().forEach((group, a) -> {
                md.append("| ").append(cell(e.figures().agent())).append(" | ").append(cell(group)).append(" | ")
                        .append(a.tasks());
                for (String n : names) {
                    Double micro = a.micro().get(n);
                    Double macro = a.macro().get(n);
                    md.append(" | ").append(micro == null ? "–" : fixed(micro, 3) + " (" + fixed(macro, 3) + ")");
                }
                md.append(" | ").append(fixed(a.successRate(), 3)).append(" |\n");
            });
        }
    }

    private static String agreement(Aggregate a) {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(a.judgeAgreement()).forEach((judge, g) -> parts.add(judge + " "
                + String.format(Locale.ROOT, "%.0f%%", 100 * g.rate()) + " (n=" + g.n() + ")"));
        return parts.isEmpty() ? "–" : String.join(", ", parts);
    }

    private static double rate(Aggregate a) {
        return Double.isNaN(a.successRate()) ? -1 : a.successRate();
    }

    private static String fixed(double d, int decimals) {
        return Double.isNaN(d) ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", d);
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    /** Links the run's single-file report, else its folder; names the run where neither may be linked. */
    private static String link(StoredRun run, Path relativeTo, LinkableFiles linkable) {
        Path target = Files.exists(run.folder().reportHtml()) ? run.folder().reportHtml() : run.dir();
        if (!linkable.test(target)) {
            return "`" + run.id() + "`";
        }
        return "[" + run.id() + "](" + display(target, relativeTo) + ")";
    }

    private static String display(Path p, Path relativeTo) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            return relativeTo == null ? abs.toString().replace('\\', '/')
                    : relativeTo.toAbsolutePath().normalize().relativize(abs).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return abs.toString();
        }
    }

    /** Returns the run folders among {@code folders} (a folder is either a run or holds runs), sorted by id, unique. */
    static List<Path> runFolders(List<Path> folders) throws IOException {
        TreeMap<String, Path> unique = new TreeMap<>();
        for (Path f : folders) {
            List<Path> runs = StoredRun.isRunFolder(f) ? List.of(f) : StoredRun.list(f);
            for (Path r : runs) {
                Path abs = r.toAbsolutePath().normalize();
                unique.putIfAbsent(abs.getFileName() + "\u0000" + abs, abs);
            }
        }
        return List.copyOf(unique.values());
    }

    /** One candidate row: an agent's figures in one run. */
    private record Entry(StoredRun run, Aggregate figures, String source, Map<String, TaskMetrics.Averages> metrics) {
        static final Comparator<Entry> ORDER = Comparator.comparing((Entry e) -> e.run().id())
                .thenComparing(e -> e.run().dir().toString());
    }

    /** The episodes not in the success rate, e.g. " (1 broken, 2 skipped, 1 unscored, 3 blocked)"; "" when none. */
    private static String apart(Aggregate a) {
        List<String> parts = new ArrayList<>();
        if (a.broken() + a.skipped() > 0) {
            parts.add(a.broken() + " broken");
            parts.add(a.skipped() + " skipped");
        }
        if (a.unscored() > 0) {
            parts.add(a.unscored() + " unscored");
        }
        if (a.blocked() > 0) {
            parts.add(a.blocked() + " blocked");
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }
}
