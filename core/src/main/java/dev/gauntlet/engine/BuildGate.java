package dev.gauntlet.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.Constants;
import dev.gauntlet.api.EpisodeResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether a benchmark run fails the build. Agent failures never do (the suite profile lets Failsafe ignore
 * test failures); what does is a run that could not start (bad configuration) or, when
 * {@code -Dgauntlet.minSuccess} is set, a success rate below it.
 *
 * <p>The engine records the outcome in {@code <runsDir>/last-invocation.json}; Maven runs
 * {@code BuildGate clear} before and {@code BuildGate check} after the run.
 */
public final class BuildGate {

    static final String FILE = "last-invocation.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private BuildGate() {}

    /** Writes the outcome of an invocation; never throws. */
    static void record(Config config, RunDirectory dir, String error, List<EpisodeResult> results) {
        record(config, dir, error, results, List.of());
    }

    /**
     * Writes the outcome of an invocation that resumed a run: {@code kept} holds the final status of each episode
     * kept from before, so the counts (and the {@code minSuccess} gate) cover the whole run.
     */
    static void record(Config config, RunDirectory dir, String error, List<EpisodeResult> results,
                       List<EpisodeResult.Status> kept) {
        try {
            Path root = Path.of(config.get(Constants.RUNS_DIR, Constants.RUNS_DIR_DEFAULT)).toAbsolutePath();
            Files.createDirectories(root);
            ObjectNode node = JSON.createObjectNode();
            node.put("run", dir == null ? null : dir.id());
            node.put("error", error);
            List<EpisodeResult.Status> all = new java.util.ArrayList<>(kept);
            results.forEach(r -> all.add(r.status()));
            long scored = all.stream().filter(s -> s == EpisodeResult.Status.PASSED
                    || s == EpisodeResult.Status.FAILED).count();
            long passed = all.stream().filter(s -> s == EpisodeResult.Status.PASSED).count();
            node.put("episodes", all.size());
            node.put("scored", scored);
            node.put("passed", passed);
            Files.writeString(root.resolve(FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
        } catch (IOException | RuntimeException e) {
            System.err.println("[gauntlet] cannot record the run outcome: " + e);
        }
    }

    /**
     * {@code BuildGate clear <runsDir>} forgets the last outcome; {@code BuildGate check <runsDir> [minSuccess]}
     * exits non-zero with one line of explanation when the run did not happen, could not start, or scored too low.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: BuildGate clear|check <runsDir> [minSuccess]");
            System.exit(2);
        }
        Path file = Path.of(args[1]).resolve(FILE);
        if (args[0].equals("clear")) {
            Files.deleteIfExists(file);
            return;
        }
        String failure = check(file, args.length > 2 ? args[2] : "");
        if (failure != null) {
            System.err.println("[gauntlet] " + failure);
            System.exit(1);
        }
    }

    /** Returns why the build must fail, or null. */
    static String check(Path file, String minSuccess) throws IOException {
        if (!Files.exists(file)) {
            return "no benchmark ran: the engine recorded no outcome in " + file
                    + " (it was not started, or it stopped before the run; the errors above say why)";
        }
        JsonNode node = JSON.readTree(file.toFile());
        if (!node.path("error").isNull() && !node.path("error").asText().isEmpty()) {
            return "the benchmark could not start: " + node.path("error").asText();
        }
        if (minSuccess == null || minSuccess.isBlank()) {
            return null;
        }
        double min;
        try {
            min = Double.parseDouble(minSuccess.trim());
        } catch (NumberFormatException e) {
            return "'" + Constants.MIN_SUCCESS + "' is '" + minSuccess + "' but must be a fraction between 0 and 1";
        }
        long scored = node.path("scored").asLong();
        double rate = scored == 0 ? 0 : node.path("passed").asDouble() / scored;
        if (rate < min) {
            return String.format(Locale.ROOT, "success rate %.3f (%d/%d) is below %s=%s", rate,
                    node.path("passed").asLong(), scored, Constants.MIN_SUCCESS, minSuccess.trim());
        }
        System.out.printf(Locale.ROOT, "[gauntlet] success rate %.3f meets %s=%s%n", rate, Constants.MIN_SUCCESS, minSuccess.trim());
        return null;
    }
}
