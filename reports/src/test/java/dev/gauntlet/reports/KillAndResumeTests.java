package dev.gauntlet.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.api.RunFolder;
import dev.gauntlet.engine.GauntletRun;
import dev.gauntlet.reports.store.ResultRow;
import dev.gauntlet.reports.store.StoredRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A benchmark JVM killed with SIGKILL mid-run and resumed ends as an uninterrupted run of the same deterministic
 * agent: one row per episode, the same summary, an Allure result for every episode.
 */
class KillAndResumeTests {

    static final Map<String, String> SETTINGS = Map.of("gauntlet.suite", "counter", "gauntlet.agent", "slow:ms=40",
            "gauntlet.seeds", "6", "gauntlet.screenshots", "none", "gauntlet.report.html", "false",
            "gauntlet.leaderboard", "off", "gauntlet.workers", "1");

    @TempDir
    Path tmp;

    static GauntletRun kit(Path runs) {
        return GauntletRun.of(DiscoverySelectors.selectClass("dev.gauntlet.engine.Benchmark")).set(SETTINGS)
                .runsDir(runs);
    }

    @Test
    void aRunKilledWithSigkillAndResumedEqualsAnUninterruptedRun() throws Exception {
        Path reference = tmp.resolve("reference");
        kit(reference).execute();
        Path runs = tmp.resolve("killed");
        Map<String, String> props = new TreeMap<>(SETTINGS);
        props.put("gauntlet.runsDir", runs.toString());
        Process child = ChildJvm.start(props, Map.of(), tmp.resolve("child.log"));
        Path journal = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (journal == null || Files.readAllLines(journal).size() < 8) { // the run's line and 7 episodes
            if (System.nanoTime() > deadline || !child.isAlive()) {
                child.destroyForcibly();
                fail("the child run ended or stalled before it could be killed: " + Files.readString(tmp.resolve("child.log")));
            }
            Thread.sleep(50);
            journal = onlyRun(runs).map(d -> new RunFolder(d).journal()).filter(Files::exists).orElse(null);
        }
        child.destroyForcibly().waitFor();
        Path run = onlyRun(runs).orElseThrow();
        assertEquals("running", Json.MAPPER.readTree(new RunFolder(run).manifest().toFile()).path("status").asText(),
                "killed mid-run");
        assertTrue(Files.readAllLines(journal).size() < 31, "not every episode had ended");

        kit(runs).set("gauntlet.resume", "latest").execute();

        List<ResultRow> rows = StoredRun.read(run).rows();
        List<ResultRow> expected = StoredRun.read(onlyRun(reference).orElseThrow()).rows();
        assertEquals(30, rows.size(), "5 tasks x 6 seeds, one row each");
        assertEquals(statuses(expected), statuses(rows));
        long lines = Files.readAllLines(new RunFolder(run).results()).size() - 1;
        assertTrue(lines <= 31, "at most the episode the kill caught between its row and its journal line is written"
                + " twice, got " + lines + " rows");
        assertEquals(figures(onlyRun(reference).orElseThrow()), figures(run));
        Set<String> histories = new HashSet<>();
        try (Stream<Path> s = Files.list(new RunFolder(run).allureResults())) {
            for (Path p : s.filter(p -> p.toString().endsWith("-result.json")).toList()) {
                histories.add(Json.MAPPER.readTree(p.toFile()).path("historyId").asText());
            }
        }
        assertEquals(30, histories.size(), "an Allure result for every episode, the killed invocation's included");
    }

    @Test
    void aBlockedEpisodeRerunByRetryBlockedLeavesOneRowPerEpisodeAndAWholeSummary() throws Exception {
        // counter's two-clicks site refuses the browser on every try: 2 of the 10 episodes (5 tasks x 2 seeds) block
        Path runs = tmp.resolve("walled");
        GauntletRun walled = kit(runs).set("gauntlet.seeds", "2").set("counter.blocks", "two-clicks");
        walled.execute();
        Path run = onlyRun(runs).orElseThrow();
        walled.set("gauntlet.resume", "latest").set("gauntlet.retryBlocked", "1").execute();

        long lines = Files.readAllLines(new RunFolder(run).results()).size() - 1;
        assertEquals(12, lines, "results.csv is append-only: the 2 reruns append their rows");
        List<ResultRow> rows = StoredRun.read(run).rows();
        assertEquals(10, rows.size(), "one row per episode, the rerun's");
        assertEquals("blocked", statuses(rows).get("two-clicks#0"));
        assertEquals("blocked", statuses(rows).get("two-clicks#1"));
        JsonNode group = Json.MAPPER.readTree(new RunFolder(run).summary().toFile()).path("groups").get(0);
        assertEquals(10, group.path("episodes").asInt(), "the summary covers the whole run, each episode once");
        assertEquals(2, group.path("blocked").asInt());
        assertEquals(2, group.path("broken").asInt(), "crashes, kept: retryBroken is 0");
    }

    static java.util.Optional<Path> onlyRun(Path runs) throws java.io.IOException {
        if (!Files.isDirectory(runs)) {
            return java.util.Optional.empty();
        }
        try (Stream<Path> s = Files.list(runs)) {
            List<Path> dirs = s.filter(p -> Files.isDirectory(p) && !Files.isSymbolicLink(p)).toList();
            assertTrue(dirs.size() <= 1, "one run folder: " + dirs);
            return dirs.stream().findFirst();
        }
    }

    static Map<String, String> statuses(List<ResultRow> rows) {
        return rows.stream().collect(Collectors.toMap(r -> r.task() + "#" + r.seed(), ResultRow::status, (a, b) -> a,
                TreeMap::new));
    }

    /** The summary's figures, less what differs between any two runs: the id and the timings. */
    static JsonNode figures(Path run) throws java.io.IOException {
        JsonNode summary = Json.MAPPER.readTree(new RunFolder(run).summary().toFile());
        ((ObjectNode) summary).remove("run");
        ((ObjectNode) summary).remove("trace"); // the folder's size: a resumed or merged folder holds more files
        summary.path("groups").forEach(g -> ((ObjectNode) g).remove("median_seconds"));
        return summary;
    }
}
