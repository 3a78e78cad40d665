package dev.gauntlet.engine;

import java.util.Map;
import java.util.Optional;

/**
 * The shard a scheduler's array job gives this process, so the same command runs on every node of the array:
 * <ul>
 *   <li>Slurm: {@code SLURM_ARRAY_TASK_ID} among {@code SLURM_ARRAY_TASK_COUNT} tasks. Ids start where the array
 *   does ({@code --array=0-3} or {@code 1-4}), so the index is counted from {@code SLURM_ARRAY_TASK_MIN} when Slurm
 *   sets it, else from 0.</li>
 *   <li>Kubernetes Indexed Job: {@code JOB_COMPLETION_INDEX} (0-based, set by Kubernetes) among
 *   {@code JOB_COMPLETIONS}, which Kubernetes does not set: the Job's manifest sets it to its
 *   {@code spec.completions}.</li>
 * </ul>
 */
final class ClusterArray {

    private ClusterArray() {}

    /** Returns the shard the environment names, or empty outside an array; a malformed array is an error. */
    static Optional<RunSettings.Shard> shard(Map<String, String> env) {
        if (env.containsKey("SLURM_ARRAY_TASK_ID") && env.containsKey("SLURM_ARRAY_TASK_COUNT")) {
            int min = number(env, "SLURM_ARRAY_TASK_MIN", 0);
            return Optional.of(of(number(env, "SLURM_ARRAY_TASK_ID", 0) - min,
                    number(env, "SLURM_ARRAY_TASK_COUNT", 1), "SLURM_ARRAY_TASK_ID"));
        }
        if (env.containsKey("JOB_COMPLETION_INDEX")) {
            if (!env.containsKey("JOB_COMPLETIONS")) {
                throw new IllegalArgumentException("JOB_COMPLETION_INDEX is set but JOB_COMPLETIONS is not: set it to"
                        + " the Job's spec.completions (see docker/cluster/k8s-indexed-job.yaml)");
            }
            return Optional.of(of(number(env, "JOB_COMPLETION_INDEX", 0), number(env, "JOB_COMPLETIONS", 1),
                    "JOB_COMPLETION_INDEX"));
        }
        return Optional.empty();
    }

    private static RunSettings.Shard of(int zeroBased, int count, String variable) {
        if (count < 1 || zeroBased < 0 || zeroBased >= count) {
            throw new IllegalArgumentException(variable + " gives task " + zeroBased + " (counted from 0) of " + count
                    + ", outside 0.." + (count - 1));
        }
        return new RunSettings.Shard(zeroBased + 1, count);
    }

    private static int number(Map<String, String> env, String name, int absent) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "='" + v + "' is not a number");
        }
    }
}
