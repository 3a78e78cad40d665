package dev.gauntlet.reports.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The merge command on shard folders written by hand (ClusterArrayMergeTests merges real ones). */
class MergeTests {

    @TempDir
    Path runs;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int gauntlet(String... args) {
        return Gauntlet.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private void shard(int i, int n, String seeds, String task) throws Exception {
        Path dir = Files.createDirectories(runs.resolve("r1/shard-" + i + "-of-" + n));
        Files.writeString(dir.resolve("manifest.json"), "{\"id\":\"r1\",\"status\":\"finished\",\"shard\":\"" + i + "/" + n
                + "\",\"suites\":{\"miniwob\":\"built-in\"},\"episodes_planned\":1,\"config\":{\"gauntlet.seeds\":\""
                + seeds + "\",\"gauntlet.shard\":\"" + i + "/" + n + "\",\"gauntlet.workers\":\"" + i + "\"}}");
        Files.writeString(dir.resolve("results.csv"), "suite,task,seed,agent,status,success,reward,steps,duration_ms\n"
                + "miniwob," + task + ",0,replay,passed,true,1.0,2,100\n");
    }

    @Test
    void shardsOfOneRunIdMergeIntoIt() throws Exception {
        shard(1, 2, "3", "a");
        shard(2, 2, "3", "b");
        assertEquals(0, gauntlet("merge", runs.resolve("r1").toString(), "--leaderboard", "off"), err.toString());
        assertTrue(out.toString().contains("merged 2 shards"), out.toString());
        assertEquals(3, Files.readAllLines(runs.resolve("r1/results.csv")).size(), "header and one row per episode");
        assertTrue(Files.readString(runs.resolve("r1/summary.json")).contains("\"episodes\" : 2"));
    }

    @Test
    void aMergeWritesTheWholeRunsJudgeAgreementAndItsHtmlReportAsReportDoes() throws Exception {
        for (int i = 1; i <= 2; i++) {
            shard(i, 2, "3", i == 1 ? "a" : "b");
            Path dir = runs.resolve("r1/shard-" + i + "-of-2");
            // the oracle says success in both shards; the judge agrees in shard 1 only
            Files.writeString(dir.resolve("results.csv"), "suite,task,seed,agent,status,success,reward,steps,"
                    + "duration_ms,score,error,answer,tokens_in,tokens_out,cost_usd,oracle,judge:webjudge\n"
                    + "miniwob," + (i == 1 ? "a" : "b") + ",0,replay,passed,true,1.0,2,100,1.0,,,0,0,0,success,"
                    + (i == 1 ? "success" : "failure") + "\n");
            Path allure = Files.createDirectories(dir.resolve("allure-results"));
            Files.writeString(allure.resolve("0000000" + i + "-result.json"), "{\"uuid\":\"0000000" + i
                    + "\",\"historyId\":\"h" + i + "\",\"name\":\"t" + i + "\",\"status\":\"passed\","
                    + "\"stage\":\"finished\",\"start\":1,\"stop\":2}");
        }
        assertEquals(0, gauntlet("merge", runs.resolve("r1").toString(), "--leaderboard", "off"), err.toString());
        String judges = Files.readString(runs.resolve("r1/judges.json"));
        assertTrue(judges.contains("\"tp\" : 1") && judges.contains("\"fn\" : 1"), "both shards count: " + judges);
        assertTrue(Files.isRegularFile(runs.resolve("r1/report.html")), out.toString());
    }

    @Test
    void mixedConfigurationsAreRefusedInOneLineNamingTheKey() throws Exception {
        shard(1, 2, "3", "a");
        shard(2, 2, "5", "b");
        assertEquals(1, gauntlet("merge", runs.resolve("r1").toString(), "--leaderboard", "off"));
        String line = err.toString().trim();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.contains("mixed configurations: ") && line.endsWith("in gauntlet.seeds (was '3', now '5')"), line);
    }

    @Test
    void anIncompleteArrayIsRefusedNamingTheMissingShard() throws Exception {
        shard(1, 3, "3", "a");
        shard(3, 3, "3", "c");
        assertEquals(1, gauntlet("merge", runs.resolve("r1").toString(), "--leaderboard", "off"));
        assertTrue(err.toString().contains("missing [2/3]"), err.toString());
    }
}
