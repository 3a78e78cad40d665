package dev.gauntlet.reports;

import dev.gauntlet.api.RunFolder;
import dev.gauntlet.engine.GauntletRun;
import dev.gauntlet.reports.store.StoredRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three processes started as a Slurm array would start them (the same command, {@code SLURM_ARRAY_TASK_ID} 1..3 of
 * an array counted from 1) write into one run id; merged, they equal one unsharded run episode for episode.
 */
class ClusterArrayMergeTests {

    static final Map<String, String> SETTINGS = Map.of("gauntlet.suite", "counter", "gauntlet.agent", "gold",
            "gauntlet.seeds", "4", "gauntlet.screenshots", "none", "gauntlet.report.html", "false",
            "gauntlet.leaderboard", "off");

    @TempDir
    Path tmp;

    @Test
    void threeArrayTasksMergedEqualOneUnshardedRun() throws Exception {
        Path reference = tmp.resolve("reference");
        GauntletRun.of(DiscoverySelectors.selectClass("dev.gauntlet.engine.Benchmark")).set(SETTINGS).runsDir(reference)
                .execute();
        Path runs = tmp.resolve("shared");
        Map<String, String> props = new TreeMap<>(SETTINGS);
        props.put("gauntlet.runsDir", runs.toString());
        props.put("gauntlet.runId", "array-1");
        List<Process> tasks = new ArrayList<>();
        for (int id = 1; id <= 3; id++) {
            tasks.add(ChildJvm.start(props, Map.of("SLURM_ARRAY_TASK_ID", Integer.toString(id),
                    "SLURM_ARRAY_TASK_COUNT", "3", "SLURM_ARRAY_TASK_MIN", "1"), tmp.resolve("task-" + id + ".log")));
        }
        for (Process p : tasks) {
            assertTrue(p.waitFor(180, TimeUnit.SECONDS), "an array task did not finish");
            assertEquals(0, p.exitValue());
        }
        Path runId = runs.resolve("array-1");
        List<Path> shards = RunMerge.shardsOf(runId);
        assertEquals(List.of("shard-1-of-3", "shard-2-of-3", "shard-3-of-3"),
                shards.stream().map(p -> p.getFileName().toString()).toList());
        StoredRun merged = RunMerge.merge(shards, runId);

        StoredRun whole = StoredRun.read(KillAndResumeTests.onlyRun(reference).orElseThrow());
        assertEquals(20, merged.rows().size());
        assertEquals(KillAndResumeTests.statuses(whole.rows()), KillAndResumeTests.statuses(merged.rows()));
        assertEquals(KillAndResumeTests.figures(whole.dir()), KillAndResumeTests.figures(runId));
        assertEquals("array-1", merged.manifest().path("id").asText());
        assertEquals(20, merged.manifest().path("episodes_planned").asInt());
        try (var s = Files.list(new RunFolder(runId).trajectories())) {
            assertEquals(20, s.count(), "every shard's trajectories");
        }
    }
}
