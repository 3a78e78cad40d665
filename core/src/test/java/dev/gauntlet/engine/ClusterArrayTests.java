package dev.gauntlet.engine;

import dev.gauntlet.api.Config;
import dev.gauntlet.api.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shard defaults from a scheduler's array environment (Slurm array jobs, Kubernetes Indexed Jobs). */
class ClusterArrayTests {

    private static RunSettings.Shard shard(Map<String, String> config, Map<String, String> env) {
        return RunSettings.read(Config.of(config), env).shard();
    }

    @Test
    void outsideAnArrayEveryTaskRuns() {
        assertEquals(RunSettings.Shard.ALL, shard(Map.of(), Map.of()));
    }

    @Test
    void slurmArrayCountedFromZero() {
        // sbatch --array=0-2: ids 0, 1, 2; Slurm sets SLURM_ARRAY_TASK_MIN=0
        assertEquals(new RunSettings.Shard(1, 3), shard(Map.of(), Map.of("SLURM_ARRAY_TASK_ID", "0",
                "SLURM_ARRAY_TASK_COUNT", "3", "SLURM_ARRAY_TASK_MIN", "0")));
        assertEquals(new RunSettings.Shard(3, 3), shard(Map.of(), Map.of("SLURM_ARRAY_TASK_ID", "2",
                "SLURM_ARRAY_TASK_COUNT", "3")));
    }

    @Test
    void slurmArrayCountedFromOneUsesTheArraysMinimum() {
        // sbatch --array=1-3: ids 1, 2, 3 and SLURM_ARRAY_TASK_MIN=1
        assertEquals(new RunSettings.Shard(1, 3), shard(Map.of(), Map.of("SLURM_ARRAY_TASK_ID", "1",
                "SLURM_ARRAY_TASK_COUNT", "3", "SLURM_ARRAY_TASK_MIN", "1")));
        assertEquals(new RunSettings.Shard(3, 3), shard(Map.of(), Map.of("SLURM_ARRAY_TASK_ID", "3",
                "SLURM_ARRAY_TASK_COUNT", "3", "SLURM_ARRAY_TASK_MIN", "1")));
    }

    @Test
    void kubernetesIndexedJobCountsFromZeroAmongItsCompletions() {
        assertEquals(new RunSettings.Shard(2, 4), shard(Map.of(), Map.of("JOB_COMPLETION_INDEX", "1",
                "JOB_COMPLETIONS", "4")));
    }

    @Test
    void kubernetesIndexWithoutTheCompletionsCountSaysWhatToSet() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> shard(Map.of(), Map.of("JOB_COMPLETION_INDEX", "1")));
        assertTrue(e.getMessage().contains("JOB_COMPLETIONS"), e.getMessage());
    }

    @Test
    void anIndexOutsideTheArrayIsOneLineNamingTheVariable() {
        ConfigException e = assertThrows(ConfigException.class, () -> shard(Map.of(),
                Map.of("SLURM_ARRAY_TASK_ID", "4", "SLURM_ARRAY_TASK_COUNT", "3", "SLURM_ARRAY_TASK_MIN", "1")));
        assertEquals("gauntlet.shard from the array's environment: SLURM_ARRAY_TASK_ID gives task 3 (counted from 0)"
                + " of 3, outside 0..2", e.getMessage());
    }

    @Test
    void aConfiguredShardWinsOverTheArray() {
        assertEquals(new RunSettings.Shard(1, 2), shard(Map.of("gauntlet.shard", "1/2"),
                Map.of("SLURM_ARRAY_TASK_ID", "2", "SLURM_ARRAY_TASK_COUNT", "3")));
    }
}
