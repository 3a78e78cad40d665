package dev.gauntlet.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gauntlet.api.EpisodeResult;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The engine's own record of a run in its folder ({@link dev.gauntlet.api.RunFolder#journal()}), so that resuming
 * needs no report to be installed: a first line {@code #run <id> <configuration as JSON>} (the configuration as the
 * manifest records it, {@link dev.gauntlet.api.RecordedConfiguration}), then one tab-separated line per episode end
 * ({@code status suite agent task seed}), appended and synced to disk only after the run listeners have written the
 * episode down. A line cut short by a kill is cut off when the journal is next opened (that episode runs again).
 */
final class Journal implements AutoCloseable {

    private final FileOutputStream out;

    private Journal(Path file) throws IOException {
        out = new FileOutputStream(file.toFile(), true);
    }

    /** Opens a journal for appending, first cutting off a last line a kill left unfinished. */
    static Journal open(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            byte[] bytes = Files.readAllBytes(file);
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
            if (end < bytes.length) {
                try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file,
                        java.nio.file.StandardOpenOption.WRITE)) {
                    ch.truncate(end);
                    ch.force(true);
                }
            }
        }
        return new Journal(file);
    }

    /** Identifies an episode across invocations: suite, agent spec (secrets redacted), task id, seed. */
    static String key(String suite, String agent, String task, long seed) {
        return escape(suite) + "\t" + escape(agent) + "\t" + escape(task) + "\t" + seed;
    }

    /** Appends an episode's end and syncs it to disk. */
    synchronized void finished(String key, EpisodeResult.Status status) throws IOException {
        out.write((status.label() + "\t" + key + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        out.getFD().sync();
    }

    /**
     * What a journal holds.
     *
     * @param id     the run id
     * @param config the configuration the run started with
     * @param ends   episode key → the statuses of its ends, in order
     */
    record Contents(String id, Map<String, String> config, Map<String, List<EpisodeResult.Status>> ends) {
        static final Contents EMPTY = new Contents("", Map.of(), Map.of());
    }

    private static final String HEADER = "#run\t";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Writes the first line, naming the run and its configuration, into a journal that has none yet. */
    synchronized void header(String id, Map<String, String> config, boolean empty) throws IOException {
        if (empty) {
            out.write((HEADER + id.replace("\t", " ") + "\t" + JSON.writeValueAsString(new TreeMap<>(config)) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            out.getFD().sync();
        }
    }

    /** Reads a journal; a missing file is {@link Contents#EMPTY}. */
    static Contents read(Path file) throws IOException {
        Map<String, List<EpisodeResult.Status>> out = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return Contents.EMPTY;
        }
        String id = "";
        Map<String, String> config = new TreeMap<>();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n'); // what follows the last newline was cut short
        for (String line : end < 0 ? new String[0] : text.substring(0, end).split("\n")) {
            if (line.startsWith(HEADER)) {
                String[] parts = line.split("\t", 3);
                id = parts[1];
                JSON.readTree(parts[2]).fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                continue;
            }
            EpisodeResult.Status status;
            try {
                status = EpisodeResult.Status.valueOf(line.substring(0, tab).toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                continue;
            }
            out.computeIfAbsent(line.substring(tab + 1), k -> new ArrayList<>()).add(status);
        }
        return new Contents(id, config, out);
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    private static String escape(String s) {
        return s.replace("%", "%25").replace("\t", "%09").replace("\n", "%0A").replace("\r", "%0D");
    }
}
