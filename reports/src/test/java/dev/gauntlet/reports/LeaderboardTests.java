package dev.gauntlet.reports;

import dev.gauntlet.api.Config;
import dev.gauntlet.api.EpisodeResult;
import dev.gauntlet.api.RunInfo;
import dev.gauntlet.api.RunListener;
import dev.gauntlet.reports.store.CorruptRunException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeaderboardTests {

    @TempDir
    Path runs;

    /** Writes a finished run through the real listeners. */
    private Path run(String id, String agent, List<EpisodeResult> results) throws Exception {
        return run(runs, id, agent, results);
    }

    private static Path run(Path root, String id, String agent, List<EpisodeResult> results) throws Exception {
        Path dir = Files.createDirectories(root.resolve(id));
        RunInfo info = Fixtures.run(dir, Config.of(Map.of()), agent);
        List<RunListener> listeners = List.of(new RunManifest(), new ResultsCsv(), new SummaryJson());
        for (RunListener l : listeners) {
            l.runStarted(info);
        }
        for (EpisodeResult r : results) {
            for (RunListener l : listeners) {
                l.episodeFinished(info, r);
            }
        }
        for (RunListener l : listeners) {
            l.runFinished(info, results);
        }
        return dir;
    }

    private void twoRuns() throws Exception {
        run("20261121-100000-miniwob-random", "random", List.of(Fixtures.passed("a", 0, "random"),
                Fixtures.failed("a", 1, "random"), Fixtures.failed("b", 0, "random"), Fixtures.failed("b", 1, "random")));
        run("20261121-110000-miniwob-replay", "replay", List.of(Fixtures.passed("a", 0, "replay"),
                Fixtures.passed("a", 1, "replay"), Fixtures.passed("b", 0, "replay"), Fixtures.failed("b", 1, "replay")));
    }

    @Test
    void ranksAgentsBySuccessWithStandardErrorAndLinksTheirRuns() throws Exception {
        twoRuns();
        String md = Leaderboard.render(List.of(runs), runs.getParent(), new ArrayList<>());
        String header = "| agent | success | score | episodes | infra errors | mean steps | median s | tokens in/out | cost $ | run |";
        assertTrue(md.contains("## miniwob\n\nSource: built-in (2 tasks)\n\n" + header), md);
        int replay = md.indexOf("| replay | 75.0% ± 21.7 |");
        int random = md.indexOf("| random | 25.0% ± 21.7 |");
        assertTrue(replay > 0 && random > replay, md);
        assertTrue(md.contains("[20261121-110000-miniwob-replay](" + runs.getFileName() + "/20261121-110000-miniwob-replay)"), md);
    }

    @Test
    void theInfraErrorRateIsBrokenOverAllEpisodesInItsOwnColumn() throws Exception {
        // issue 15 item 3: the infra-error rate (broken / all) apart from the agent's failures, on the leaderboard too
        run("20261121-100000-miniwob-llm", "llm", List.of(Fixtures.passed("a", 0, "llm"), Fixtures.failed("a", 1, "llm"),
                Fixtures.failed("b", 0, "llm"), Fixtures.episode("b", 1, "llm", EpisodeResult.Status.BROKEN, null)));
        String md = Leaderboard.render(List.of(runs), runs.getParent(), new ArrayList<>());
        assertTrue(md.contains("| llm | 33.3% ± 27.2 | 0.333 | 4 (1 broken, 0 skipped) | 25.0% |"), md);
    }

    @Test
    void everyRelativeLinkResolvesToAnExistingFile() throws Exception {
        twoRuns();
        Files.writeString(runs.resolve("20261121-110000-miniwob-replay").resolve("report.html"), "<html></html>");
        Path board = runs.resolve("boards").resolve("leaderboard.md");
        Leaderboard.write(List.of(runs), board);
        List<String> links = MarkdownLinks.paths(Files.readString(board));
        assertEquals(List.of("../20261121-110000-miniwob-replay/report.html", "../20261121-100000-miniwob-random"),
                links);
        for (String link : links) {
            assertTrue(Files.exists(board.getParent().resolve(link)), link);
        }
    }

    @Test
    void inAGitWorkTreeLinksOnlyFilesThatAreNotIgnoredAndNamesTheOtherRuns(@TempDir Path elsewhere) throws Exception {
        Path repo = runs.resolve("repo");
        Assumptions.assumeTrue(git(Files.createDirectories(repo), "init", "-q") == 0, "git is not installed");
        Files.writeString(repo.resolve(".gitignore"), "/runs/\n");
        run(repo.resolve("runs"), "20261121-100000-miniwob-random", "random", List.of(Fixtures.passed("a", 0, "random")));
        run(repo.resolve("docs/runs"), "20261121-110000-miniwob-replay", "replay",
                List.of(Fixtures.passed("a", 0, "replay")));
        Path outside = run(elsewhere, "20261121-120000-miniwob-heuristic", "heuristic",
                List.of(Fixtures.passed("a", 0, "heuristic")));
        Path board = repo.resolve("leaderboard.md");
        Leaderboard.write(List.of(repo.resolve("runs"), repo.resolve("docs/runs"), outside), board);
        String md = Files.readString(board);
        assertTrue(md.contains("| [20261121-110000-miniwob-replay](docs/runs/20261121-110000-miniwob-replay) |"), md);
        assertTrue(md.contains("| `20261121-100000-miniwob-random` |"), "git ignores runs/:\n" + md);
        assertTrue(md.contains("| `20261121-120000-miniwob-heuristic` |"), "outside the work tree:\n" + md);
        assertEquals(List.of("docs/runs/20261121-110000-miniwob-replay"), MarkdownLinks.paths(md));
    }

    private static int git(Path dir, String... args) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            return new ProcessBuilder(command).inheritIO().start().waitFor();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    @Test
    void givesTheSameFileForTheSameRuns() throws Exception {
        twoRuns();
        Path out = runs.resolve("leaderboard.md");
        Leaderboard.write(List.of(runs), out);
        String first = Files.readString(out);
        Leaderboard.write(List.of(runs, runs.resolve("20261121-110000-miniwob-replay")), out);
        assertEquals(first, Files.readString(out));
    }

    @Test
    void keepsTheLatestRunOfAnAgent() throws Exception {
        twoRuns();
        run("20261121-120000-miniwob-random", "random", List.of(Fixtures.passed("a", 0, "random")));
        String md = Leaderboard.render(List.of(runs), null, new ArrayList<>());
        assertTrue(md.contains("| random | 100.0% ± 0.0 |"), md);
        assertFalse(md.contains("25.0%"), md);
    }

    @Test
    void skipsCorruptAndKilledRunFoldersNamingThePath() throws Exception {
        twoRuns();
        Path edited = run("20261121-130000-miniwob-heuristic", "heuristic", List.of(Fixtures.passed("a", 0, "heuristic")));
        Files.writeString(edited.resolve("results.csv"), "suite,task,seed,agent,status,success,reward,steps,duration_ms\n"
                + "miniwob,a,0,heuristic,passed,true,1.0,two,100\n");
        Path killed = Files.createDirectories(runs.resolve("20261121-140000-miniwob-random"));
        Files.writeString(killed.resolve("manifest.json"), "{\"status\": \"running\"}");
        Files.writeString(killed.resolve("results.csv"), "suite,task,seed,agent,status,success,reward,steps,du");
        Files.createDirectories(runs.resolve(".allure-commandline"));

        List<CorruptRunException> skipped = new ArrayList<>();
        String md = Leaderboard.render(List.of(runs), runs, skipped);

        assertEquals(2, skipped.size());
        assertEquals(edited.resolve("results.csv"), skipped.get(0).path());
        assertTrue(skipped.get(0).getMessage().startsWith(edited.resolve("results.csv").toString()));
        assertTrue(skipped.get(0).what().contains("line 2: column 'steps' holds 'two'"), skipped.get(0).what());
        assertTrue(skipped.get(1).what().contains("'running'"), skipped.get(1).what());
        assertTrue(md.contains("| random | 25.0% ± 21.7 |"), "the killed run is not counted:\n" + md);
        assertFalse(md.contains("heuristic |"), md);
        assertTrue(md.contains("## Skipped run folders\n\n- `20261121-130000-miniwob-heuristic/results.csv`: line 2"), md);
    }
}
