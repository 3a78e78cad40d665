package dev.gauntlet.agents.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP agent server on loopback whose answers a test scripts per path: each answer is a status and a body
 * ({@code null} status: never answer within the test's timeout). Records every request body it received.
 */
final class AgentStub implements AutoCloseable {

    record Answer(Integer status, String body) {
        static Answer ok(String body) {
            return new Answer(200, body);
        }

        static Answer hang() {
            return new Answer(null, "");
        }
    }

    private final HttpServer server;
    private final Map<String, Function<JsonNode, Answer>> answers = new ConcurrentHashMap<>();
    final List<Map.Entry<String, JsonNode>> received = new CopyOnWriteArrayList<>();

    AgentStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
        answers.put("start", m -> Answer.ok("{\"protocol_version\": 1}"));
        answers.put("end", m -> Answer.ok("{}"));
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    AgentStub on(String path, Function<JsonNode, Answer> answer) {
        answers.put(path, answer);
        return this;
    }

    long count(String path) {
        return received.stream().filter(e -> e.getKey().equals(path)).count();
    }

    JsonNode last(String path) {
        JsonNode out = null;
        for (Map.Entry<String, JsonNode> e : received) {
            if (e.getKey().equals(path)) {
                out = e.getValue();
            }
        }
        return out;
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath().replaceFirst("^/", "");
        JsonNode body = new ObjectMapper().readTree(ex.getRequestBody().readAllBytes());
        received.add(Map.entry(path, body));
        Answer a = answers.getOrDefault(path, m -> new Answer(404, "no such path")).apply(body);
        if (a.status() == null) {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            ex.close();
            return;
        }
        byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(a.status(), bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
