package dev.gauntlet.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Name every file and folder of a run folder here; whoever writes or reads one asks this class, never spells it.
 * <pre>
 * runs/&lt;id&gt;/
 *   manifest.json                                  what ran, on what, when; its format_version is FORMAT_VERSION
 *   results.csv                                    one row per task × seed (× agent), appended as episodes end;
 *                                                  a rerun appends a new row, and readers take each episode's last
 *   journal.tsv                                    the engine's own record of finished episodes, for resume
 *   summary.json                                   figures per suite × agent
 *   judges.csv, judges.json                        judges' agreement with the oracle, when judges ran
 *   trajectories/[&lt;suite&gt;__]&lt;task&gt;__&lt;seed&gt;[__&lt;agent&gt;].jsonl
 *   screenshots/&lt;sha-256 of the image, 32 hex digits&gt;.png|jpg  each distinct image once; steps name theirs
 *   allure-results/                                Allure's input; allure-results/history the trends so far
 *   report/                                        Allure's multi-file report; report/history carries trends on
 *   report.html                                    the single-file report
 *   comparison-vs-&lt;other id&gt;.md                    written by the {@code compare} command
 * runs/&lt;runId&gt;/shard-&lt;i&gt;-of-&lt;n&gt;/                  one shard's run folder of an array sharing a run id
 * runs/latest                                      the newest run: a link, or a file holding its id
 * </pre>
 * Task ids and agent names become file name parts through {@link #safeName}, so any id gives a plain file name.
 *
 * @param path the run folder
 */
public record RunFolder(Path path) {

    /**
     * The version of this layout, written to the manifest as {@code format_version}; a manifest without one is
     * version 1, the layout before the field existed.
     */
    public static final int FORMAT_VERSION = 1;

    public static final String MANIFEST = "manifest.json";
    public static final String RESULTS = "results.csv";
    public static final String JOURNAL = "journal.tsv";
    public static final String SUMMARY = "summary.json";
    public static final String JUDGES_CSV = "judges.csv";
    public static final String JUDGES_JSON = "judges.json";
    public static final String TRAJECTORIES = "trajectories";
    public static final String SCREENSHOTS = "screenshots";
    public static final String ALLURE_RESULTS = "allure-results";
    public static final String REPORT = "report";
    public static final String REPORT_HTML = "report.html";
    /** The entry in the runs folder that names the newest run. */
    public static final String LATEST = "latest";

    public RunFolder {
        Objects.requireNonNull(path, "path");
    }

    /** Returns the run id, which is the folder's name. */
    public String id() {
        return path.getFileName().toString();
    }

    public Path manifest() {
        return path.resolve(MANIFEST);
    }

    public Path results() {
        return path.resolve(RESULTS);
    }

    /** Returns the engine's journal of finished episodes, which a resumed run reads to know what is done. */
    public Path journal() {
        return path.resolve(JOURNAL);
    }

    public Path summary() {
        return path.resolve(SUMMARY);
    }

    public Path judgesCsv() {
        return path.resolve(JUDGES_CSV);
    }

    public Path judgesJson() {
        return path.resolve(JUDGES_JSON);
    }

    public Path trajectories() {
        return path.resolve(TRAJECTORIES);
    }

    /** Returns the trajectory file of an episode; see {@link #trajectoryName}. */
    public Path trajectory(String suite, String task, long seed, String agent) {
        return trajectories().resolve(trajectoryName(suite, task, seed, agent));
    }

    public Path allureResults() {
        return path.resolve(ALLURE_RESULTS);
    }

    /** Returns where Allure reads the history of earlier reports, for its trend charts. */
    public Path allureHistory() {
        return allureResults().resolve("history");
    }

    /** Returns the folder of Allure's multi-file report. */
    public Path report() {
        return path.resolve(REPORT);
    }

    /** Returns the entry page of Allure's multi-file report. */
    public Path reportIndex() {
        return report().resolve("index.html");
    }

    /** Returns the report's history, which the next report of the same suites and agents carries on. */
    public Path reportHistory() {
        return report().resolve("history");
    }

    /** Returns the single-file report, which opens from disk. */
    public Path reportHtml() {
        return path.resolve(REPORT_HTML);
    }

    /** Returns where the comparison of this run with {@code otherId} (the earlier run) is written. */
    public Path comparison(String otherId) {
        return path.resolve("comparison-vs-" + otherId + ".md");
    }

    /** Resolves a file named relative to the run folder, as trajectories name their screenshots. */
    public Path resolve(String relative) {
        return path.resolve(relative);
    }

    /** Returns the name of shard {@code index} of {@code count}'s folder inside a run id shared by an array. */
    public static String shardFolder(int index, int count) {
        return "shard-" + index + "-of-" + count;
    }

    /** Tells whether a folder name is a shard's, as {@link #shardFolder} names it. */
    public static boolean isShardFolder(String name) {
        return name.matches("shard-[0-9]+-of-[0-9]+");
    }

    /** Returns the entry naming the newest run in the runs folder {@code runsRoot}. */
    public static Path latest(Path runsRoot) {
        return runsRoot.resolve(LATEST);
    }

    /**
     * Names an episode's trajectory file: {@code [<suite>__]<task>__<seed>[__<agent>].jsonl}. Suite and agent are
     * given only where the run has several of them; {@code null} leaves them out.
     */
    public static String trajectoryName(String suite, String task, long seed, String agent) {
        StringBuilder name = new StringBuilder();
        if (suite != null) {
            name.append(safeName(suite)).append("__");
        }
        name.append(safeName(task)).append("__").append(seed);
        if (agent != null) {
            name.append("__").append(safeName(agent));
        }
        return name.append(".jsonl").toString();
    }

    /**
     * Names a saved screenshot relative to the run folder, as trajectories record it: {@code screenshots/<digest>.<ext>}.
     * The name is the image's content hash, so a run writes each distinct image once and every step that saw it
     * names the same file.
     */
    public static String screenshotFile(String digest, String extension) {
        return SCREENSHOTS + "/" + digest + "." + extension;
    }

    /** Makes a string safe as a file name part: a run of characters outside {@code A-Za-z0-9._+-} becomes {@code _}. */
    public static String safeName(String s) {
        return s.replaceAll("[^A-Za-z0-9._+-]+", "_");
    }
}
