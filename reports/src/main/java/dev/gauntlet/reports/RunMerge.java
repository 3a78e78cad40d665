package dev.gauntlet.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import dev.gauntlet.api.Constants;
import dev.gauntlet.api.EpisodeResult;
import dev.gauntlet.api.RecordedConfiguration;
import dev.gauntlet.api.RunFolder;
import dev.gauntlet.reports.store.CorruptRunException;
import dev.gauntlet.reports.store.ResultRow;
import dev.gauntlet.reports.store.StoredRun;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Joins the shard folders of one run (an array's {@code <runId>/shard-<i>-of-<n>/}) into one run folder: results
 * (one row per episode), summary, manifest, trajectories, screenshots and Allure results, as if one machine had run
 * it. Refuses shards that are unfinished, incomplete (a shard of the array missing) or configured differently.
 */
public final class RunMerge {

    /** Why shards cannot be merged, in one line. */
    public static final class RefusedException extends Exception {
        RefusedException(String message) {
            super(message);
        }
    }

    private RunMerge() {}

    /** Returns the shard folders inside a run id's folder, in shard order. */
    public static List<Path> shardsOf(Path runIdFolder) throws IOException {
        try (Stream<Path> s = Files.list(runIdFolder)) {
            return s.filter(Files::isDirectory).filter(p -> RunFolder.isShardFolder(p.getFileName().toString()))
                    .sorted((a, b) -> Integer.compare(index(a), index(b))).toList();
        }
    }

    private static int index(Path shard) {
        return Integer.parseInt(shard.getFileName().toString().split("-")[1]);
    }

    /** Merges {@code shards} into {@code out} (created if needed; may be the folder that holds them). */
    public static StoredRun merge(List<Path> shards, Path out)
            throws IOException, CorruptRunException, RefusedException {
        if (shards.isEmpty()) {
            throw new RefusedException("no shard folders to merge (expected shard-<i>-of-<n>/ folders)");
        }
        List<StoredRun> runs = new ArrayList<>();
        for (Path s : shards) {
            runs.add(StoredRun.read(s));
        }
        check(runs);
        Files.createDirectories(out);
        RunFolder target = new RunFolder(out);
        List<ResultRow> rows = new ArrayList<>();
        List<String> header = null;
        for (StoredRun r : runs) {
            rows.addAll(r.rows());
            if (header == null) {
                header = header(r.folder().results());
            }
            for (Path tree : List.of(r.folder().trajectories(), r.folder().allureResults(), r.folder().path()
                    .resolve(RunFolder.SCREENSHOTS))) {
                copyTree(tree, out.resolve(r.folder().path().relativize(tree)));
            }
        }
        rows = StoredRun.lastPerEpisode(rows);
        StoredRun.writeResults(target.results(), header, rows);
        String id = runs.get(0).manifest().path("id").asText(target.id());
        com.fasterxml.jackson.databind.node.ObjectNode summary = SummaryJson.render(id, rows);
        SummaryJson.trace(summary, target, rows.size());
        Json.write(target.summary(), summary);
        Json.write(target.manifest(), manifest(runs, id, shards, rows));
        JudgeAgreementReport.write(target, JudgeAgreement.fromRows(rows));
        return StoredRun.read(out);
    }

    /** Every shard of one array, all finished, of one configuration and one task source. */
    private static void check(List<StoredRun> runs) throws RefusedException {
        StoredRun first = runs.get(0);
        Map<String, String> config = config(first);
        for (StoredRun r : runs.subList(1, runs.size())) {
            List<String> differ = RecordedConfiguration.differences(config, config(r));
            if (!differ.isEmpty()) {
                throw new RefusedException("mixed configurations: " + r.dir() + " differs from " + first.dir() + " in "
                        + String.join(", ", differ));
            }
            if (!r.sources().equals(first.sources())) {
                throw new RefusedException("mixed task sources: " + r.dir() + " ran " + r.sources() + ", "
                        + first.dir() + " ran " + first.sources());
            }
        }
        TreeSet<String> shards = new TreeSet<>();
        int count = 0;
        for (StoredRun r : runs) {
            String shard = r.manifest().path("shard").asText("1/1");
            if (!shards.add(shard)) {
                throw new RefusedException("shard " + shard + " is given twice (" + r.dir() + ")");
            }
            count = Integer.parseInt(shard.split("/")[1]);
        }
        List<String> missing = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            if (!shards.contains(i + "/" + count)) {
                missing.add(i + "/" + count);
            }
        }
        if (!missing.isEmpty() || shards.size() != count) {
            throw new RefusedException("incomplete array: shards " + shards + " given, missing " + missing);
        }
    }

    private static Map<String, String> config(StoredRun run) {
        Map<String, String> out = new TreeMap<>();
        run.manifest().path("config").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static ObjectNode manifest(List<StoredRun> runs, String id, List<Path> shards, List<ResultRow> rows) {
        ObjectNode m = runs.get(0).manifest().deepCopy();
        m.put("id", id);
        m.put("shard", "1/1");
        ((ObjectNode) m.path("config")).put(Constants.SHARD, "1/1");
        ArrayNode from = m.putArray("merged_from");
        shards.forEach(s -> from.add(s.toAbsolutePath().toString()));
        long planned = 0;
        int workers = 0;
        String started = null;
        String ended = null;
        for (StoredRun r : runs) {
            JsonNode n = r.manifest();
            planned += n.path("episodes_planned").asLong();
            workers += n.path("workers").asInt();
            started = min(started, n.path("started_at").asText(null));
            ended = max(ended, n.path("ended_at").asText(null));
        }
        m.put("episodes_planned", planned);
        m.put("workers", workers);
        m.put("started_at", started);
        m.put("ended_at", ended);
        m.put("status", "finished");
        ObjectNode counts = m.putObject("outcomes");
        for (EpisodeResult.Status status : EpisodeResult.Status.values()) {
            String s = status.label();
            counts.put(s, rows.stream().filter(r -> r.status().equals(s)).count());
        }
        return m;
    }

    private static String min(String a, String b) {
        return a == null ? b : b == null ? a : a.compareTo(b) <= 0 ? a : b;
    }

    private static String max(String a, String b) {
        return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
    }

    private static List<String> header(Path csv) throws IOException {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CSVReader r = new CSVReader(reader)) {
            return List.of(r.readNext());
        } catch (CsvException e) {
            throw new IOException(csv + ": " + e.getMessage(), e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
