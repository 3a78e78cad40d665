package dev.gauntlet.reports.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Run folders read back, whichever Gauntlet wrote them. */
class StoredRunTests {

    @TempDir
    Path runs;

    private Path run(String id, String manifest) throws Exception {
        Path dir = Files.createDirectories(runs.resolve(id));
        Files.writeString(dir.resolve("manifest.json"), manifest);
        Files.writeString(dir.resolve("results.csv"), "suite,task,seed,agent,status,success,reward,steps,duration_ms\n"
                + "miniwob,a,0,replay,passed,true,1.0,2,100\n");
        return dir;
    }

    @Test
    void aRunWrittenBeforeTheManifestHadAFormatVersionIsVersionOne() throws Exception {
        StoredRun old = StoredRun.read(run("old", "{\"status\":\"finished\",\"suites\":{\"miniwob\":\"built-in\"}}"));
        assertEquals(1, old.formatVersion());
        assertEquals(1, old.rows().size());
        assertEquals("built-in", old.sources().get("miniwob"));
    }

    @Test
    void aRunOfTheCurrentFormatIsRead() throws Exception {
        StoredRun current = StoredRun.read(run("current", "{\"format_version\":1,\"status\":\"finished\"}"));
        assertEquals(1, current.formatVersion());
        assertEquals("current", current.id());
    }

    @Test
    void aRunOfANewerFormatIsRefusedNamingTheVersion() throws Exception {
        Path dir = run("newer", "{\"format_version\":2,\"status\":\"finished\"}");
        CorruptRunException e = assertThrows(CorruptRunException.class, () -> StoredRun.read(dir));
        assertEquals(dir.resolve("manifest.json"), e.path());
        assertTrue(e.what().startsWith("format_version is 2, newer than the 1 this Gauntlet reads"), e.what());
    }

    @Test
    void anEpisodeWrittenTwiceCountsOnceWithItsLastRow() throws Exception {
        // results.csv is append-only: a resumed run's retry of a broken episode appends a row that supersedes it
        Path dir = run("resumed", "{\"format_version\":1,\"status\":\"finished\"}");
        Files.writeString(dir.resolve("results.csv"), "suite,task,seed,agent,status,success,reward,steps,duration_ms\n"
                + "miniwob,a,0,replay,broken,false,,0,100\n"
                + "miniwob,b,0,replay,failed,false,0.0,3,100\n"
                + "miniwob,a,0,replay,passed,true,1.0,2,100\n"
                + "miniwob,a,1,replay,failed,false,0.0,2,100\n");
        StoredRun run = StoredRun.read(dir);
        assertEquals(3, run.rows().size());
        assertEquals("b/0/failed a/0/passed a/1/failed", String.join(" ", run.rows().stream()
                .map(r -> r.task() + "/" + r.seed() + "/" + r.status()).toList()));
    }
}
