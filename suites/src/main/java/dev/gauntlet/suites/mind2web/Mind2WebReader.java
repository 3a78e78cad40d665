package dev.gauntlet.suites.mind2web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Streams the dataset's files: each is a JSON list of task objects. Only one task is in memory at a time; the scan
 * keeps each task's byte offset so an episode reads its task back alone, whatever the size of the file (the train
 * set is about 6 GB, one step's HTML can be megabytes).
 */
final class Mind2WebReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    /** Where a problem is and what it is. */
    interface Problems {
        void report(String where, String message);
    }

    /**
     * A scanned task: the whole task with its pages dropped (see {@link #withoutPages}) and where to read it back.
     *
     * @param file   the file it is in
     * @param offset the byte offset of its object in the file
     * @param task   the task without HTML and negative candidates
     */
    record Entry(Path file, long offset, Mind2WebTask task) {}

    private Mind2WebReader() {}

    /** Returns the JSON files of {@code path}: the file itself, or the folder's {@code *.json} files, sorted, recursively. */
    static List<Path> files(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        try (Stream<Path> all = Files.walk(path)) {
            return all.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted().toList();
        }
    }

    /**
     * Reads every task of {@code file} in order, giving each (without its pages) to {@code sink}. A malformed task is
     * reported naming the file, its annotation_id (or position) and the field; the others still load. A file that
     * is not JSON is reported once and read no further.
     */
    static void scan(Path file, Problems problems, Consumer<Entry> sink) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             JsonParser parser = FACTORY.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY) {
                problems.report(file.toString(), "is not a JSON list of tasks");
                return;
            }
            int index = 0;
            for (JsonToken t = parser.nextToken(); t != null && t != JsonToken.END_ARRAY; t = parser.nextToken(), index++) {
                long offset = parser.currentTokenLocation().getByteOffset();
                JsonNode node = JSON.readTree(parser);
                String id = node.path("annotation_id").asText("");
                String where = file + " task " + index + (id.isEmpty() ? "" : " annotation_id " + id);
                try {
                    sink.accept(new Entry(file, offset, withoutPages(TaskJson.task(node))));
                } catch (TaskJson.MalformedException e) {
                    problems.report(where + " field '" + e.field + "'", e.getMessage());
                }
            }
        } catch (IOException e) {
            problems.report(file.toString(), "cannot be read as JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** Reads the whole task (pages included) at {@code entry}'s offset. */
    static Mind2WebTask read(Entry entry) throws IOException {
        try (FileChannel channel = FileChannel.open(entry.file(), StandardOpenOption.READ)) {
            channel.position(entry.offset());
            try (InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 1 << 16);
                 JsonParser parser = FACTORY.createParser(in)) {
                parser.nextToken();
                return TaskJson.task(JSON.readTree(parser));
            } catch (TaskJson.MalformedException e) {
                throw new IOException(entry.file() + " at byte " + entry.offset() + " field '" + e.field + "' "
                        + e.getMessage(), e);
            }
        }
    }

    /** Returns {@code task} without what only an episode needs: the HTML and the negative candidates. */
    static Mind2WebTask withoutPages(Mind2WebTask task) {
        List<Mind2WebStep> steps = new ArrayList<>();
        for (Mind2WebStep s : task.steps()) {
            steps.add(new Mind2WebStep(s.actionUid(), "", "", s.operation(), s.positives(), List.of()));
        }
        return new Mind2WebTask(task.annotationId(), task.website(), task.domain(), task.subdomain(),
                task.confirmedTask(), task.actionReprs(), steps);
    }
}
