package dev.gauntlet.reports.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import dev.gauntlet.api.RunFolder;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A finished run read back from its folder: {@code manifest.json} and {@code results.csv}. Reading checks both, so a
 * run killed half-way, a hand-edited CSV or a run written by a newer Gauntlet is a {@link CorruptRunException} naming
 * the file and the fault, never a row silently counted.
 *
 * @param dir      the run folder
 * @param id       the run id (the folder's name)
 * @param manifest the manifest
 * @param rows     the results, one per episode: the last row of each task × seed × agent, in file order (a
 *                 resumed run appends a rerun's row after the broken one it supersedes)
 */
public record StoredRun(Path dir, String id, JsonNode manifest, List<ResultRow> rows) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public StoredRun {
        rows = List.copyOf(rows);
    }

    /** Tells whether a folder looks like a run folder (holds a manifest or results), so that others are ignored. */
    public static boolean isRunFolder(Path dir) {
        RunFolder run = new RunFolder(dir);
        return Files.isDirectory(dir) && (Files.exists(run.manifest()) || Files.exists(run.results()));
    }

    /** Lists the run folders directly under {@code root}, sorted by name (run ids sort by time). */
    public static List<Path> list(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !Files.isSymbolicLink(p))
                    .filter(StoredRun::isRunFolder)
                    .sorted()
                    .toList();
        }
    }

    /** Reads and checks a finished run. */
    public static StoredRun read(Path dir) throws CorruptRunException {
        if (!Files.isDirectory(dir)) {
            throw new CorruptRunException(dir, "not a folder (expected a run folder holding manifest.json and results.csv)");
        }
        RunFolder run = new RunFolder(dir);
        JsonNode manifest = manifest(run);
        int version = formatVersion(manifest);
        if (version > RunFolder.FORMAT_VERSION) {
            throw new CorruptRunException(run.manifest(), "format_version is " + version + ", newer than the "
                    + RunFolder.FORMAT_VERSION + " this Gauntlet reads: read it with the Gauntlet that wrote it");
        }
        String status = manifest.path("status").asText("");
        if (!status.equals("finished")) {
            throw new CorruptRunException(run.manifest(), "status is '" + status
                    + "', not 'finished': the run was killed or is still going");
        }
        return new StoredRun(dir, run.id(), manifest, rows(run.results()));
    }

    /**
     * Reads a run folder's results whatever its manifest says (a run still going, as its own listeners read it at
     * its end): one row per episode, its last.
     */
    public static List<ResultRow> results(RunFolder run) throws CorruptRunException {
        return rows(run.results());
    }

    /** Writes a whole results file: {@code header} ({@link ResultRow#header}), then each row in that column order. */
    public static void writeResults(Path file, List<String> header, List<ResultRow> rows) throws IOException {
        try (java.io.Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             com.opencsv.CSVWriter csv = new com.opencsv.CSVWriter(w)) {
            csv.writeNext(header.toArray(String[]::new), false);
            for (ResultRow r : rows) {
                csv.writeNext(r.toCsv(header), false);
            }
        }
    }

    /** Keeps the last row of each episode (suite, task, seed, agent), in the order of those last rows. */
    public static List<ResultRow> lastPerEpisode(List<ResultRow> rows) {
        Map<List<Object>, ResultRow> last = new java.util.LinkedHashMap<>();
        for (ResultRow r : rows) {
            List<Object> key = List.of(r.suite(), r.task(), r.seed(), r.agent());
            last.remove(key);
            last.put(key, r);
        }
        return new ArrayList<>(last.values());
    }

    /** Returns the run folder, which names the files in it. */
    public RunFolder folder() {
        return new RunFolder(dir);
    }

    /** Returns the run folder's layout version; runs written before the manifest recorded it are version 1. */
    public int formatVersion() {
        return formatVersion(manifest);
    }

    private static int formatVersion(JsonNode manifest) {
        return manifest.path("format_version").asInt(1);
    }

    private static JsonNode manifest(RunFolder run) throws CorruptRunException {
        Path file = run.manifest();
        if (!Files.isRegularFile(file)) {
            throw new CorruptRunException(file, "missing (expected the manifest every run writes as it starts)");
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            if (node == null || !node.isObject()) {
                throw new CorruptRunException(file, "not a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CorruptRunException(file, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CorruptRunException(file, "not readable: " + e);
        }
    }

    private static List<ResultRow> rows(Path csv) throws CorruptRunException {
        if (!Files.isRegularFile(csv)) {
            throw new CorruptRunException(csv, "missing");
        }
        List<String[]> lines;
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CSVReader r = new CSVReader(reader)) {
            lines = r.readAll();
        } catch (IOException | CsvException e) {
            throw new CorruptRunException(csv, "not readable as CSV: " + e.getMessage());
        }
        if (lines.isEmpty()) {
            throw new CorruptRunException(csv, "empty (expected a header line)");
        }
        List<String> header = List.of(lines.get(0));
        for (String c : ResultRow.REQUIRED) {
            if (!header.contains(c)) {
                throw new CorruptRunException(csv, "no '" + c + "' column in the header " + header);
            }
        }
        List<ResultRow> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            try {
                out.add(ResultRow.parse(header, lines.get(i)));
            } catch (IllegalArgumentException e) {
                throw new CorruptRunException(csv, "line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return lastPerEpisode(out);
    }

    /** Returns suite name → source description, as the manifest records it. */
    public Map<String, String> sources() {
        Map<String, String> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = manifest.path("suites").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    /** Returns the rows grouped by suite, then agent (both sorted). */
    public Map<String, Map<String, List<ResultRow>>> bySuiteAndAgent() {
        Map<String, Map<String, List<ResultRow>>> out = new TreeMap<>();
        for (ResultRow r : rows) {
            out.computeIfAbsent(r.suite(), k -> new TreeMap<>()).computeIfAbsent(r.agent(), k -> new ArrayList<>()).add(r);
        }
        return out;
    }
}
