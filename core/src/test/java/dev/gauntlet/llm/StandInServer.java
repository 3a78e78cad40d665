package dev.gauntlet.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for an OpenAI-compatible model server, for tests only: it checks each request's shape (model,
 * messages, images as base64 data URLs, logprobs fields), records it, and answers with scripted replies, then with a
 * default reply. Run it on its own with {@code main} to point a benchmark run at it.
 */
public final class StandInServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A scripted answer: an HTTP status with a raw body, after an optional delay. */
    public record Reply(int status, String body, long delayMillis) {
        /** A chat completion whose content is {@code text}. */
        public static Reply text(String text) {
            return new Reply(200, completion(text, Map.of()), 0);
        }

        /** A chat completion whose first token carries these top logprobs. */
        public static Reply withLogprobs(String text, Map<String, Double> top) {
            return new Reply(200, completion(text, top), 0);
        }

        public static Reply status(int status) {
            return new Reply(status, "{\"error\":{\"message\":\"scripted " + status + "\"}}", 0);
        }

        public static Reply raw(String body) {
            return new Reply(200, body, 0);
        }
    }

    /** One request as received. */
    public record Received(String authorization, JsonNode body) {
        /** Returns the image URLs of all messages. */
        public List<String> imageUrls() {
            List<String> out = new ArrayList<>();
            for (JsonNode m : body.path("messages")) {
                for (JsonNode p : m.path("content")) {
                    if (p.path("type").asText().equals("image_url")) {
                        out.add(p.path("image_url").path("url").asText());
                    }
                }
            }
            return out;
        }

        /** Returns every text of every message, joined. */
        public String allText() {
            StringBuilder sb = new StringBuilder();
            for (JsonNode m : body.path("messages")) {
                JsonNode c = m.path("content");
                if (c.isTextual()) {
                    sb.append(c.asText()).append('\n');
                }
                for (JsonNode p : c) {
                    sb.append(p.path("text").asText("")).append('\n');
                }
            }
            return sb.toString();
        }
    }

    private final HttpServer server;
    private final Deque<Reply> script = new ConcurrentLinkedDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger modelListings = new AtomicInteger();
    private volatile Reply fallback = Reply.text("SUCCESS");
    private volatile boolean verbose;

    private StandInServer(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/v1/chat/completions", this::complete);
        server.createContext("/stats", this::stats);
        server.createContext("/v1/models", this::models);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "stand-in-llm");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** Starts a stand-in on a free port. */
    public static StandInServer start() throws IOException {
        return new StandInServer(0);
    }

    /** Starts a stand-in on {@code port} (a model server coming back where it was). */
    public static StandInServer start(int port) throws IOException {
        return new StandInServer(port);
    }

    /** Returns the base URL to configure ({@code http://127.0.0.1:PORT/v1}). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Queues replies, answered in order before the default one. */
    public StandInServer script(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** Sets the reply given once the script is used up. */
    public StandInServer otherwise(Reply reply) {
        fallback = reply;
        return this;
    }

    /** Returns the requests received so far, rejected ones included. */
    public int requests() {
        return requests.get();
    }

    /** Returns how often {@code /v1/models} was asked for (a browser that should not reach this server, say). */
    public int modelListings() {
        return modelListings.get();
    }

    /** Returns the well-formed requests received so far. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    private void complete(HttpExchange ex) throws IOException {
        int n = requests.incrementAndGet();
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String problem;
        JsonNode json = null;
        try {
            json = JSON.readTree(body);
            problem = shapeProblem(ex, json);
        } catch (IOException e) {
            problem = "request body is not JSON: " + e.getMessage();
        }
        if (problem != null) {
            log(n, json, "400 " + problem);
            send(ex, 400, "{\"error\":{\"message\":" + JSON.writeValueAsString(problem) + "}}");
            return;
        }
        received.add(new Received(ex.getRequestHeaders().getFirst("Authorization"), json));
        Reply reply = script.pollFirst();
        if (reply == null) {
            reply = fallback;
        }
        if (reply.delayMillis() > 0) {
            try {
                Thread.sleep(reply.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        log(n, json, reply.status() + " " + reply.body().replaceAll("\\s+", " "));
        send(ex, reply.status(), reply.body());
    }

    private static String shapeProblem(HttpExchange ex, JsonNode json) {
        if (!"POST".equals(ex.getRequestMethod())) {
            return "method must be POST";
        }
        if (!String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")).startsWith("application/json")) {
            return "Content-Type must be application/json";
        }
        if (!json.path("model").isTextual() || json.path("model").asText().isBlank()) {
            return "model is missing";
        }
        if (!json.path("messages").isArray() || json.path("messages").isEmpty()) {
            return "messages must be a non-empty array";
        }
        for (JsonNode m : json.path("messages")) {
            if (!m.path("role").isTextual()) {
                return "a message has no role";
            }
            JsonNode c = m.path("content");
            if (!c.isTextual() && !c.isArray()) {
                return "content must be a string or a list of parts";
            }
            for (JsonNode p : c) {
                String type = p.path("type").asText();
                if (type.equals("image_url") && !p.path("image_url").path("url").asText().startsWith("data:image/png;base64,")) {
                    return "image_url.url must be a base64 PNG data URL";
                }
                if (!type.equals("image_url") && !type.equals("text")) {
                    return "unknown content part type '" + type + "'";
                }
            }
        }
        if (json.has("top_logprobs") && !json.path("logprobs").asBoolean(false)) {
            return "top_logprobs needs logprobs: true";
        }
        return null;
    }

    /** Lists the one model, as OpenAI-compatible servers answer {@code GET /v1/models}. */
    private void models(HttpExchange ex) throws IOException {
        modelListings.incrementAndGet();
        send(ex, 200, "{\"object\":\"list\",\"data\":[{\"id\":\"stand-in\",\"object\":\"model\"}]}");
    }

    private void stats(HttpExchange ex) throws IOException {
        send(ex, 200, "{\"requests\":" + requests.get() + "}");
    }

    private void log(int n, JsonNode json, String outcome) {
        if (verbose) {
            int images = json == null ? 0 : new Received(null, json).imageUrls().size();
            System.out.println("[stand-in] request #" + n + " (images: " + images + ") -> "
                    + (outcome.length() > 160 ? outcome.substring(0, 160) + "..." : outcome));
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Returns a chat-completion body; with {@code top} non-empty, the first token carries those logprobs. */
    public static String completion(String text, Map<String, Double> top) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "stand-in").put("object", "chat.completion").put("model", "stand-in");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", text);
        if (!top.isEmpty()) {
            ObjectNode token = choice.putObject("logprobs").putArray("content").addObject();
            Map.Entry<String, Double> best = top.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            token.put("token", best.getKey()).put("logprob", best.getValue());
            ArrayNode alts = token.putArray("top_logprobs");
            top.forEach((k, v) -> alts.addObject().put("token", k).put("logprob", v));
        }
        root.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 5).put("total_tokens", 105);
        return root.toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /**
     * Serves until killed: {@code --port 8199 --reply SUCCESS}; {@code --replies "click('4')|send_msg_to_user('done')"}
     * answers those in turn, then the {@code --reply}. Prints one line per request.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        StandInServer s = new StandInServer(Integer.parseInt(opts.getOrDefault("port", "8199")));
        s.verbose = true;
        s.otherwise(Reply.text(opts.getOrDefault("reply", "SUCCESS")));
        if (opts.containsKey("replies")) {
            for (String r : opts.get("replies").split("\\|")) {
                s.script(Reply.text(r));
            }
        }
        System.out.println("[stand-in] serving " + s.baseUrl() + " (GET /stats for the request count)");
        Thread.currentThread().join();
    }
}
