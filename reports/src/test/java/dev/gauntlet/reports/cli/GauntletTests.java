package dev.gauntlet.reports.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GauntletTests {

    @TempDir
    Path runs;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int gauntlet(String... args) {
        return Gauntlet.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Writes a finished run folder by hand: task × seed → status. */
    private Path run(String id, String source, String agent, String... statuses) throws Exception {
        Path dir = Files.createDirectories(runs.resolve(id));
        Files.writeString(dir.resolve("manifest.json"),
                "{\"status\":\"finished\",\"suites\":{\"miniwob\":\"" + source + "\"}}");
        StringBuilder csv = new StringBuilder("suite,task,seed,agent,status,success,reward,steps,duration_ms\n");
        for (int i = 0; i < statuses.length; i++) {
            csv.append("miniwob,task-").append(i / 2).append(',').append(i % 2).append(',').append(agent).append(',')
                    .append(statuses[i]).append(",false,,1,100\n");
        }
        Files.writeString(dir.resolve("results.csv"), csv);
        return dir;
    }

    @Test
    void judgeEvalJudgesImportedTrajectoriesAndWritesTheAgreement() throws Exception {
        Path labels = Path.of(GauntletTests.class.getResource("/dev/gauntlet/reports/judgeeval/human_label.json").toURI());
        Path folders = Path.of(GauntletTests.class.getResource("/dev/gauntlet/reports/judgeeval/om2w/AgentA").toURI());
        Path out = runs.resolve("eval");
        assertEquals(0, gauntlet("judge-eval", "--labels", labels.toString(), "--import",
                "online-mind2web=" + folders, "--judge", "shot-check", "--out", out.toString()), err.toString());
        assertTrue(Files.readString(out.resolve("judge-eval.csv"))
                .contains("humans,shot-check,failure,3,1,0,1,1,0,"), Files.readString(out.resolve("judge-eval.csv")));
        assertTrue(Files.isRegularFile(out.resolve("results.csv")));
        assertEquals(2, gauntlet("judge-eval", "--labels", labels.toString(), "--import", "online-mind2web=" + folders,
                "--out", out.toString()));
        assertTrue(err.toString().startsWith("judge-eval --import needs --labels FILE, --import FORMAT=PATH, --judge"),
                err.toString());
    }

    @Test
    void listsFlippedTasksAndTestsTheDifferenceWithMcNemar() throws Exception {
        Path a = run("A", "built-in", "random", "failed", "failed", "failed", "passed", "broken", "failed");
        Path b = run("B", "built-in", "replay", "passed", "passed", "failed", "failed", "passed", "passed");
        assertEquals(0, gauntlet("compare", a.toString(), b.toString()), err.toString());
        String md = Files.readString(b.resolve("comparison-vs-A.md"));
        assertEquals(md + "[gauntlet] comparison written to " + b.resolve("comparison-vs-A.md") + "\n",
                out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
        assertTrue(md.contains("5 paired episodes"), md);
        assertTrue(md.contains("### Pass → fail (1)\n\n- task-1 seed 1\n"), md);
        assertTrue(md.contains("### Fail → pass (3)\n\n- task-0 seed 0\n- task-0 seed 1\n- task-2 seed 1\n"), md);
        assertTrue(md.contains("- task-2 seed 0 (broken → passed)"), md);
        // b = 1, c = 3: p = 2·(1 + 4)/16
        assertTrue(md.contains("McNemar exact p = 0.6250 "), md);
        assertTrue(md.contains("+40.0 pp (95% CI -30.1 to +100.0)"), md);
    }

    @Test
    void refusesRunsWithDifferentSuiteSourcesAndSaysWhy() throws Exception {
        Path a = run("A", "built-in (6 tasks)", "random", "passed");
        Path b = run("B", "upstream /x sha256:ab (125 tasks)", "replay", "failed");
        assertEquals(1, gauntlet("compare", a.toString(), b.toString()));
        assertTrue(err.toString().contains("different suite sources (miniwob: A = built-in (6 tasks), "
                + "B = upstream /x sha256:ab (125 tasks))"), err.toString());
        assertFalse(Files.exists(b.resolve("comparison-vs-A.md")));
    }

    @Test
    void comparesRunsWithDifferentSuiteSourcesWhenAllowedUnderAWarning() throws Exception {
        Path a = run("A", "built-in (6 tasks)", "random", "passed");
        Path b = run("B", "upstream /x sha256:ab (125 tasks)", "replay", "failed");
        assertEquals(0, gauntlet("compare", a.toString(), b.toString(), "--allow-different-sources"));
        assertTrue(out.toString().contains("**Warning: different suite sources**"), out.toString());
    }

    @Test
    void namesThePathAndWhatWasExpectedWhenARunIsNotAFolder() {
        assertEquals(2, gauntlet("compare", runs.resolve("nope").toString(), runs.toString()));
        assertTrue(err.toString().contains("nope' is not a folder (expected a run folder"), err.toString());
    }

    @Test
    void namesTheFileAndTheFaultWhenAResultsFileIsBroken() throws Exception {
        Path a = run("A", "built-in", "random", "passed");
        Files.writeString(a.resolve("results.csv"), "suite,task\n");
        assertEquals(1, gauntlet("compare", a.toString(), a.toString()));
        assertTrue(err.toString().contains(a.resolve("results.csv") + ": no 'seed' column"), err.toString());
    }

    @Test
    void regeneratesTheLeaderboardFromExtraRunFolders() throws Exception {
        Path elsewhere = Files.createDirectories(runs.resolve("elsewhere"));
        run("A", "built-in", "random", "passed", "failed");
        Files.move(runs.resolve("A"), elsewhere.resolve("A"));
        Path board = runs.resolve("board.md");
        assertEquals(0, gauntlet("leaderboard", "--runs", runs.resolve("empty").toString(), "--out", board.toString(),
                elsewhere.resolve("A").toString()));
        assertTrue(Files.readString(board).contains("| random | 50.0% ± 35.4 |"), Files.readString(board));
    }
}
