package dev.gauntlet.reports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts the engine tests' benchmark ({@code dev.gauntlet.engine.BenchmarkMain}) in a child JVM of this test's class path. */
final class ChildJvm {

    private ChildJvm() {}

    /** Starts it with {@code properties} as {@code -D} options and {@code env} added to the environment; output to {@code log}. */
    static Process start(Map<String, String> properties, Map<String, String> env, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("dev.gauntlet.engine.BenchmarkMain");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("SLURM_") || k.startsWith("JOB_COMPLETION"));
        pb.environment().putAll(env);
        return pb.start();
    }
}
