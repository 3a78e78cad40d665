package dev.gauntlet.engine;

import dev.gauntlet.api.Config;
import dev.gauntlet.api.Constants;
import dev.gauntlet.api.RunFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Makes a run's folder {@code runs/<id>/}, where the id sorts by time and names suite and agent
 * ({@code 20261121-101500-miniwob-replay}), and points {@code runs/latest} at it. What lies inside the folder is
 * {@link RunFolder}'s to name.
 */
record RunDirectory(String id, Path path) {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    static RunDirectory create(Config config, List<String> suites, List<String> agents) throws IOException {
        Path root = Path.of(config.get(Constants.RUNS_DIR, Constants.RUNS_DIR_DEFAULT)).toAbsolutePath();
        Files.createDirectories(root);
        String agent = agents.size() == 1 ? AgentSpec.parse(agents.get(0)).name() : agents.size() + "agents";
        String base = STAMP.format(LocalDateTime.now()) + "-" + RunFolder.safeName(String.join("+", suites)) + "-"
                + RunFolder.safeName(agent);
        String id = base;
        for (int i = 2; Files.exists(root.resolve(id)); i++) {
            id = base + "-" + i;
        }
        Path dir = Files.createDirectories(root.resolve(id));
        pointLatest(root, id);
        return new RunDirectory(id, dir);
    }

    /** Makes {@code latest} a symbolic link to the run; where links are not allowed, a file holding its id. */
    private static void pointLatest(Path root, String id) throws IOException {
        Path latest = RunFolder.latest(root);
        Path tmp = root.resolve(".latest-" + id);
        try {
            Files.deleteIfExists(tmp);
            Files.createSymbolicLink(tmp, Path.of(id));
            Files.move(tmp, latest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (UnsupportedOperationException | IOException e) {
            Files.deleteIfExists(tmp);
            if (Files.isDirectory(latest) && !Files.isSymbolicLink(latest)) {
                return;
            }
            Files.deleteIfExists(latest);
            Files.writeString(latest, id + "\n");
        }
    }
}
