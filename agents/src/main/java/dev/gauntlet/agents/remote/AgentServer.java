package dev.gauntlet.agents.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.wire.ObservationWire;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One agent server: POSTs a protocol message to {@code base/path} and returns the JSON reply. As the model client
 * does, it retries 5xx answers, timeouts and dropped connections with exponential backoff and jitter; a 4xx answer,
 * malformed JSON or another protocol version is not retried. Thread-safe.
 */
final class AgentServer {

    /** One connection pool for every remote agent of the JVM (a fresh agent serves each episode). */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;
    private final Duration timeout;
    private final int retries;
    private final Duration backoff;

    AgentServer(String base, Duration timeout, int retries, Duration backoff) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.timeout = timeout;
        this.retries = retries;
        this.backoff = backoff;
    }

    String base() {
        return base;
    }

    /** Sends {@code message} to {@code base/path}; returns the reply object. */
    JsonNode post(String path, ObjectNode message) throws RemoteCallException {
        String body;
        try {
            body = ObservationWire.JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new RemoteCallException("cannot write the " + path + " message: " + e.getOriginalMessage(), false, e);
        }
        RemoteCallException last = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            if (last != null) {
                pause(attempt);
            }
            try {
                return once(path, body);
            } catch (RemoteCallException e) {
                last = e;
                if (!e.retryable()) {
                    throw e;
                }
            }
        }
        throw new RemoteCallException(last.getMessage() + " (gave up after " + (retries + 1) + " attempts)", false,
                last.unreachable(), last);
    }

    private JsonNode once(String path, String body) throws RemoteCallException {
        URI uri = URI.create(base + "/" + path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new RemoteCallException("agent server at " + uri + " did not answer within "
                    + timeout.toMillis() + " ms", true, e);
        } catch (IOException e) {
            throw new RemoteCallException("agent server at " + uri + " unreachable: " + e, true, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteCallException("interrupted while waiting for the agent server at " + uri, false, e);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw new RemoteCallException("agent server at " + uri + " answered HTTP " + status + ": "
                    + errorText(response.body()), status / 100 == 5, null);
        }
        JsonNode reply;
        try {
            reply = ObservationWire.JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new RemoteCallException("agent server at " + uri + " answered malformed JSON ("
                    + e.getOriginalMessage() + "): " + shorten(response.body()), false, e);
        }
        if (reply == null || !reply.isObject()) {
            throw new RemoteCallException("agent server at " + uri + " answered " + shorten(response.body())
                    + " where a JSON object was expected", false, null);
        }
        JsonNode version = reply.get("protocol_version");
        if (version != null && version.asInt(-1) != ObservationWire.PROTOCOL_VERSION) {
            throw new RemoteCallException("agent server at " + uri + " speaks protocol_version " + version
                    + ", this harness " + ObservationWire.PROTOCOL_VERSION, false, null);
        }
        return reply;
    }

    private void pause(int attempt) throws RemoteCallException {
        long base = backoff.toMillis() << Math.min(attempt - 1, 10);
        long jittered = (long) (base * (0.75 + Math.random() * 0.5));
        try {
            Thread.sleep(Math.min(jittered, 10_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteCallException("interrupted during retry backoff", false, e);
        }
    }

    /** The {@code error} of a JSON error body (the Python client sends the exception there), else the body. */
    private static String errorText(String body) {
        try {
            JsonNode error = ObservationWire.JSON.readTree(body).get("error");
            if (error != null && error.isTextual()) {
                return shorten(error.asText());
            }
        } catch (JsonProcessingException | RuntimeException e) {
            // not JSON: show the body itself
        }
        return shorten(body);
    }

    static String shorten(String s) {
        String t = s == null ? "" : s.strip().replaceAll("\\s+", " ");
        return t.length() <= 200 ? t : t.substring(0, 200) + "…";
    }
}
