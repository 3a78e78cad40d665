package dev.gauntlet.agents.djl;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;

/** Writes and reads dataset files: JSON lines of {@link Dataset.Episode}, one episode at a time (streaming). */
public final class DatasetFile {

    static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private DatasetFile() {}

    /** Appends episodes to a file, one line each, flushed as written. */
    public static final class Writer implements AutoCloseable, Consumer<Dataset.Episode> {
        private final BufferedWriter out;
        private int episodes;

        public Writer(Path file) throws IOException {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        }

        @Override
        public void accept(Dataset.Episode episode) {
            try {
                out.write(JSON.writeValueAsString(episode));
                out.write('\n');
                out.flush();
                episodes++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public int episodes() {
            return episodes;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /**
     * Reads every episode of {@code file} in order, holding one line at a time.
     *
     * @throws IllegalArgumentException naming the file and line of a malformed line or one of another schema
     */
    public static void read(Path file, Consumer<Dataset.Episode> each) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("dataset " + file + " does not exist");
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                Dataset.Episode e;
                try {
                    com.fasterxml.jackson.databind.JsonNode node = JSON.readTree(line);
                    String schema = node.path("schema").asText("");
                    if (!Dataset.SCHEMA.equals(schema)) {
                        throw new IllegalArgumentException("dataset " + file + " line " + n + " field 'schema' is '"
                                + schema + "' but must be '" + Dataset.SCHEMA + "'");
                    }
                    e = JSON.treeToValue(node, Dataset.Episode.class);
                } catch (com.fasterxml.jackson.core.JsonProcessingException bad) {
                    throw new IllegalArgumentException("dataset " + file + " line " + n + " is not an episode: "
                            + bad.getOriginalMessage());
                }
                each.accept(e);
            }
        }
    }

    /** Returns the SHA-256 of the file's bytes, hex. */
    public static String sha256(Path file) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (var in = Files.newInputStream(file)) {
                byte[] buf = new byte[1 << 16];
                int r;
                while ((r = in.read(buf)) > 0) {
                    md.update(buf, 0, r);
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
