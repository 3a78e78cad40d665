package dev.gauntlet.engine;

import dev.gauntlet.api.Config;
import dev.gauntlet.api.ConfigException;
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
 * ({@code 20261121-101500-miniwob-replay}), and points {@code runs/latest} at it; or a fixed id's folder
 * ({@code gauntlet.runId}; one sub-folder per shard of an array, which never moves {@code latest}, as the shards
 * start side by side); or finds the folder of a run to resume. What lies inside the folder is {@link RunFolder}'s
 * to name.
 */
record RunDirectory(String id, Path path) {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    static Path root(Config config) {
        return Path.of(config.get(Constants.RUNS_DIR, Constants.RUNS_DIR_DEFAULT)).toAbsolutePath();
    }

    /**
     * Returns the folder a fixed run id names: {@code <root>/<runId>}, or {@code <root>/<runId>/shard-<i>-of-<n>}
     * for a shard; one that already holds a run is refused (resume it instead).
     */
    static RunDirectory fixed(Config config, String runId, RunSettings.Shard shard) {
        Path dir = root(config).resolve(runId);
        if (shard.count() > 1) {
            dir = dir.resolve(RunFolder.shardFolder(shard.index(), shard.count()));
        }
        if (Files.exists(new RunFolder(dir).manifest()) || Files.exists(new RunFolder(dir).journal())) {
            throw new ConfigException(Constants.RUN_ID + "=" + runId + ": " + dir + " holds a run already; continue it"
                    + " with -D" + Constants.RESUME + "=" + dir + " or choose another id");
        }
        return new RunDirectory(runId, dir);
    }

    /** Makes the folder of a fixed id (shards of one array may do so at once) and, unless a shard, points latest. */
    RunDirectory make(Config config, boolean shard) throws IOException {
        Files.createDirectories(path);
        if (!shard) {
            pointLatest(root(config), id);
        }
        return this;
    }

    /**
     * Finds the run to resume: {@code latest}, a folder, or a folder under the runs folder; it must hold the engine's
     * journal. Returns it with the id the journal records, and what the journal holds.
     */
    static Resumed resume(Config config, String where) {
        Path root = root(config);
        Path dir;
        try {
            if (where.equals(RunFolder.LATEST)) {
                Path latest = RunFolder.latest(root);
                dir = Files.isRegularFile(latest) && !Files.isSymbolicLink(latest)
                        ? root.resolve(Files.readString(latest).trim()) : latest.toRealPath();
            } else {
                Path p = Path.of(where);
                dir = (Files.isDirectory(p) ? p : root.resolve(where)).toRealPath();
            }
        } catch (IOException e) {
            throw new ConfigException(Constants.RESUME, where, "a run folder (runs/<id>, a path, or latest): " + e);
        }
        RunFolder folder = new RunFolder(dir);
        if (!Files.isRegularFile(folder.journal())) {
            throw new ConfigException(Constants.RESUME, where, "a run folder holding " + RunFolder.JOURNAL + " (runs"
                    + " since resume was added write it); " + dir + " has none");
        }
        try {
            Journal.Contents journal = Journal.read(folder.journal());
            return new Resumed(new RunDirectory(journal.id().isEmpty() ? folder.id() : journal.id(), dir), journal);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(Constants.RESUME + "=" + where + ": " + folder.journal() + " is not readable: " + e);
        }
    }

    RunFolder folder() {
        return new RunFolder(path);
    }

    /** A run to resume and its journal as read at discovery. */
    record Resumed(RunDirectory directory, Journal.Contents journal) {}

    static RunDirectory create(Config config, List<String> suites, List<String> agents) throws IOException {
        Path root = root(config);
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
