package dev.gauntlet.llm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Model replies on disk, addressed by the SHA-256 of the request body (which holds the model, the messages, images
 * included, and the sampling settings, never the key). Only successful replies are written; a file is written to a
 * temporary name and moved into place, so parallel workers never read half a reply.
 */
final class ResponseCache {

    private final Path dir;

    /** @param dir the cache folder, or null for no cache */
    ResponseCache(Path dir) {
        this.dir = dir;
    }

    static String key(String body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<ChatResponse> get(String key) {
        if (dir == null) {
            return Optional.empty();
        }
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ChatWire.load(Files.readString(file), key));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // an unreadable entry is a miss; the fresh reply overwrites it
        }
    }

    void put(ChatResponse response) {
        if (dir == null) {
            return;
        }
        Path file = file(response.key());
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), response.key(), ".tmp");
            Files.writeString(tmp, ChatWire.store(response));
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            System.err.println("[gauntlet] llm cache: cannot write " + file + ": " + e.getMessage());
        }
    }

    private Path file(String key) {
        return dir.resolve(key.substring(0, 2)).resolve(key + ".json");
    }
}
