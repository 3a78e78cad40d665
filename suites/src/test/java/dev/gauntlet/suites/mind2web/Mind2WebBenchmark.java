package dev.gauntlet.suites.mind2web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gauntlet.api.Action;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.Task;
import dev.gauntlet.suite.TaskSet;
import dev.gauntlet.suites.SuiteTesting;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints Mind2Web's figures: loading and scoring the built-in sample, and streaming a generated dataset file of the
 * given size (default 1024 MB) with the peak heap and steps per second. A command that reports figures, not a test:
 * {@code mvn -q -pl suites -am test-compile exec:java -Dexec.mainClass=dev.gauntlet.suites.mind2web.Mind2WebBenchmark
 * -Dexec.classpathScope=test -Dexec.args=1024}.
 */
public final class Mind2WebBenchmark {

    private Mind2WebBenchmark() {}

    public static void main(String[] args) throws Exception {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        sample();
        Path dir = Files.createTempDirectory("gauntlet-mind2web-bench");
        try {
            Path file = dir.resolve("train/train_0.json");
            long steps = generate(file, megabytes * 1024L * 1024L);
            stream(file, steps);
        } finally {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Opens the built-in sample, plays each task's gold actions through its episode and scores them. */
    private static void sample() throws Exception {
        long t0 = System.nanoTime();
        int steps = 0;
        try (TaskSet set = SuiteTesting.open(new Mind2WebSuite(), Config.of(Map.of()))) {
            long opened = System.nanoTime();
            for (Task task : set.tasks()) {
                try (var episode = set.start(task, 0, null)) {
                    List<Action> gold = episode.demonstration();
                    for (Action a : gold) {
                        episode.observe();
                        episode.act(a);
                    }
                    steps += ((Mind2WebOracle) task.oracle()).score(gold).size();
                }
            }
            System.out.printf(Locale.ROOT, "built-in sample: %d tasks, %d steps; opened in %.0f ms, played and scored in "
                            + "%.0f ms%n", set.tasks().size(), steps, (opened - t0) / 1e6,
                    (System.nanoTime() - opened) / 1e6);
        }
    }

    /** Writes a dataset file of about {@code bytes}: tasks of 8 steps, each step with 100 KB of raw HTML. */
    private static long generate(Path file, long bytes) throws Exception {
        Files.createDirectories(file.getParent());
        String html = "<div backend_node_id=\"7\">" + "x".repeat(100 * 1024) + "</div>";
        long steps = 0;
        long t0 = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
             JsonGenerator g = new ObjectMapper().getFactory().createGenerator(out)) {
            g.writeStartArray();
            for (int t = 0; Files.size(file) < bytes || t == 0; t++) {
                var node = DatasetFiles.task("bench-" + t, "w", "Info", "CLICK", "TYPE:a b", "CLICK", "CLICK",
                        "SELECT:x", "CLICK", "CLICK", "CLICK");
                node.withArray("actions").forEach(a -> ((com.fasterxml.jackson.databind.node.ObjectNode) a)
                        .put("raw_html", html));
                g.writeTree(node);
                steps += 8;
                if (t % 64 == 0) {
                    g.flush();
                }
            }
            g.writeEndArray();
        }
        System.out.printf(Locale.ROOT, "generated %s: %.0f MB, %d steps in %.1f s%n", file.getFileName(),
                Files.size(file) / 1048576.0, steps, (System.nanoTime() - t0) / 1e9);
        return steps;
    }

    private static void stream(Path file, long expected) {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long before = used();
        long t0 = System.nanoTime();
        long[] steps = {0};
        int[] tasks = {0};
        Mind2WebReader.scan(file, (w, m) -> System.out.println("problem: " + w + ": " + m), e -> {
            tasks[0]++;
            steps[0] += e.task().steps().size();
        });
        double s = (System.nanoTime() - t0) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf(Locale.ROOT, "streamed %.0f MB: %d tasks, %d steps (expected %d) in %.1f s = %.0f steps/s, "
                        + "%.0f MB/s; heap before %.0f MB, peak (sum of pool peaks) %.0f MB, max %.0f MB%n",
                file.toFile().length() / 1048576.0, tasks[0], steps[0], expected, s, steps[0] / s,
                file.toFile().length() / 1048576.0 / s, before / 1048576.0, peak / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0);
    }

    private static long used() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
