package dev.gauntlet.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gauntlet.api.ActionGrammar;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.ConfigException;
import dev.gauntlet.api.EnvironmentUnavailableException;
import dev.gauntlet.api.SiteBlockedException;
import dev.gauntlet.api.Settings;
import dev.gauntlet.api.Task;
import dev.gauntlet.suite.TaskSet;
import dev.gauntlet.wire.ObservationWire;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code gauntlet serve}: the suites on the class path as gym-style environments over HTTP JSON
 * ({@code clients/protocol/env-protocol.json}): {@code GET /suites}, {@code GET /suites/NAME/tasks},
 * {@code POST /reset}, {@code POST /step}, {@code POST /close}. Sessions run on a pool of {@code gauntlet.workers}
 * browsers; a session idle past {@code gauntlet.serve.idleSeconds} is closed. It binds to loopback unless told
 * otherwise, and then requires a bearer token read from an environment variable. A client's input never stops it:
 * malformed requests get 400, unknown sessions 404, each with a one-line message.
 */
public final class EnvServer implements AutoCloseable {

    private static final int MAX_BODY = 1 << 20;

    static {
        // The JDK server writes a reply's headers and body in two segments; with Nagle's algorithm on, the body waits
        // for the client's delayed ACK (40 ms on Linux) and every step costs that. Read once, at the JVM's first
        // HttpServer, so a JVM that started one before this class loaded keeps its setting.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Config config;
    private final HttpServer http;
    private final ExecutorService handlers;
    private final ScheduledExecutorService reaper;
    private final SuiteCatalog catalog;
    private final Workers workers;
    private final Map<String, EnvSession> sessions = new ConcurrentHashMap<>();
    private final String token;
    private final long idleNanos;
    private final int maxSessions;
    private final Path runDir;

    private EnvServer(Config config) throws IOException {
        List<String> errors = new ArrayList<>(Settings.validate(config, Settings.ALL));
        errors.addAll(Settings.validate(config, ServeSettings.ALL));
        if (!errors.isEmpty()) {
            throw new ConfigException(String.join("\n", errors));
        }
        this.config = config;
        String host = ServeSettings.HOST.read(config);
        String tokenEnv = ServeSettings.TOKEN_ENV.read(config);
        String t = System.getenv(tokenEnv);
        this.token = t == null || t.isBlank() ? null : t.strip();
        InetAddress address = InetAddress.getByName(host);
        if (!address.isLoopbackAddress() && token == null) {
            throw new ConfigException("'" + ServeSettings.HOST.key() + "' is '" + host + "', not loopback: set the"
                    + " environment variable " + tokenEnv + " to a secret token that clients must send");
        }
        this.idleNanos = TimeUnit.SECONDS.toNanos(ServeSettings.IDLE_S.read(config));
        this.maxSessions = ServeSettings.MAX_SESSIONS.read(config);
        this.runDir = Files.createTempDirectory("gauntlet-serve");
        this.catalog = new SuiteCatalog(config);
        this.workers = new Workers(Settings.WORKERS.read(config), config);
        this.http = HttpServer.create(new InetSocketAddress(address, ServeSettings.PORT.read(config)), 64);
        this.handlers = Executors.newCachedThreadPool(r -> {
            Thread th = new Thread(r, "gauntlet-serve-http");
            th.setDaemon(true);
            return th;
        });
        http.setExecutor(handlers);
        http.createContext("/", this::handle);
        this.reaper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread th = new Thread(r, "gauntlet-serve-reaper");
            th.setDaemon(true);
            return th;
        });
        long every = Math.max(1, Math.min(30, ServeSettings.IDLE_S.read(config) / 2));
        reaper.scheduleWithFixedDelay(this::closeIdle, every, every, TimeUnit.SECONDS);
        http.start();
    }

    /** Starts a server under {@code config}; bad settings fail here, with one line per bad key. */
    public static EnvServer start(Config config) throws IOException {
        return new EnvServer(config);
    }

    /** Runs the server until the process is stopped: {@code mvn -q -pl suites -am test-compile -Pserve}. */
    public static void main(String[] args) throws Exception {
        EnvServer server;
        try {
            server = start(Config.from(key -> Optional.ofNullable(System.getProperty(key))));
        } catch (ConfigException e) {
            System.err.println("gauntlet serve: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("gauntlet serve listening on " + server.url() + " (suites " + server.catalog.names()
                + ", " + server.workers.size() + " worker(s))");
        new java.util.concurrent.CountDownLatch(1).await();
    }

    /** Returns the base URL clients use. */
    public String url() {
        InetSocketAddress a = http.getAddress();
        String host = a.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    /** Returns how many sessions are open. */
    public int openSessions() {
        return sessions.size();
    }

    private void handle(HttpExchange ex) {
        try (ex) {
            int status = 200;
            JsonNode reply;
            try {
                reply = route(ex);
            } catch (HttpError e) {
                status = e.status;
                reply = error(e.getMessage());
            } catch (EnvironmentUnavailableException e) {
                status = 503;
                reply = error(e.getMessage());
            } catch (Exception | LinkageError e) {
                status = 500;
                reply = error("server error: " + e);
            }
            byte[] body = ObservationWire.JSON.writeValueAsBytes(reply);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
        } catch (IOException | RuntimeException ignored) {
            // the client went away mid-answer
        }
    }

    private JsonNode route(HttpExchange ex) throws Exception {
        if (token != null && !authorised(ex.getRequestHeaders().getFirst("Authorization"))) {
            throw new HttpError(401, "missing or wrong bearer token (Authorization: Bearer <token>)");
        }
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        if (path.equals("/suites") && method.equals("GET")) {
            ObjectNode r = ObservationWire.JSON.createObjectNode();
            catalog.names().forEach(r.putArray("suites")::add);
            return r;
        }
        if (path.startsWith("/suites/") && path.endsWith("/tasks") && method.equals("GET")) {
            return tasks(path.substring("/suites/".length(), path.length() - "/tasks".length()));
        }
        if (!method.equals("POST") || !List.of("/reset", "/step", "/close").contains(path)) {
            throw new HttpError(404, "no endpoint " + method + " " + path
                    + "; GET /suites, GET /suites/NAME/tasks, POST /reset, /step, /close");
        }
        JsonNode body = body(ex.getRequestBody());
        return switch (path) {
            case "/reset" -> reset(body);
            case "/step" -> step(body);
            default -> close(body);
        };
    }

    private JsonNode tasks(String suite) throws Exception {
        TaskSet set = catalog.open(suite);
        ObjectNode r = ObservationWire.JSON.createObjectNode();
        ArrayNode out = r.putArray("tasks");
        for (Task t : set.tasks()) {
            ObjectNode n = out.addObject();
            n.put("id", t.id());
            n.put("instruction", t.instruction());
            t.tags().stream().sorted().forEach(n.putArray("tags")::add);
            n.put("max_steps", maxSteps(suite, t));
        }
        return r;
    }

    private JsonNode reset(JsonNode body) throws Exception {
        String suiteName = text(body, "suite");
        String taskId = text(body, "task");
        JsonNode seedNode = body.get("seed");
        if (seedNode != null && !seedNode.isIntegralNumber()) {
            throw new HttpError(400, "'seed' must be an integer, got " + seedNode);
        }
        long seed = seedNode == null ? 0 : seedNode.asLong();
        ActionGrammar grammar;
        try {
            grammar = ActionGrammar.named(body.path("grammar").asText("browsergym"));
        } catch (ConfigException e) {
            throw new HttpError(400, e.getMessage());
        }
        TaskSet set = catalog.open(suiteName);
        Task task = set.tasks().stream().filter(t -> t.id().equals(taskId)).findFirst()
                .orElseThrow(() -> new HttpError(404, "suite '" + suiteName + "' has no task '" + taskId + "'"));
        if (sessions.size() >= maxSessions) {
            throw new HttpError(429, "already " + sessions.size() + " sessions open ('"
                    + ServeSettings.MAX_SESSIONS.key() + "'); close one first");
        }
        Workers.Worker worker = workers.place();
        EnvSession s = new EnvSession(UUID.randomUUID().toString(), worker, set, task, seed,
                maxSteps(suiteName, task), grammar, body.path("screenshots").asBoolean(false));
        try {
            JsonNode reply = worker.run(() -> s.reset(config));
            sessions.put(s.id, s);
            return reply;
        } catch (SiteBlockedException e) {
            release(s);
            throw blocked(e, "no session was opened");
        } catch (Exception e) {
            release(s);
            throw e;
        }
    }

    private JsonNode step(JsonNode body) throws Exception {
        EnvSession s = session(body);
        String action = text(body, "action");
        s.lastUsedNanos = System.nanoTime();
        try {
            return s.worker.run(() -> s.step(action, config, runDir));
        } catch (HttpError e) {
            throw e;
        } catch (SiteBlockedException e) {
            sessions.remove(s.id);
            release(s);
            throw blocked(e, "session " + s.id + " is closed");
        } catch (Exception e) {
            // the site or browser broke: the session is over, the server goes on
            sessions.remove(s.id);
            release(s);
            throw new HttpError(500, "session " + s.id + " broke and was closed: " + e);
        } finally {
            s.lastUsedNanos = System.nanoTime();
        }
    }

    /**
     * A live site that refused the browser (bot wall, CAPTCHA, 403/429): neither the agent's failure nor the
     * server's, so a distinct status (502, the upstream site's refusal) a trainer can drop the episode on.
     */
    private static HttpError blocked(SiteBlockedException e, String what) {
        return new HttpError(502, "blocked by the site: " + e.getMessage() + "; " + what);
    }

    private JsonNode close(JsonNode body) throws Exception {
        EnvSession s = session(body);
        if (sessions.remove(s.id) != null) {
            release(s);
        }
        ObjectNode r = ObservationWire.JSON.createObjectNode();
        r.put("closed", s.id);
        return r;
    }

    private EnvSession session(JsonNode body) throws HttpError {
        String id = text(body, "session");
        EnvSession s = sessions.get(id);
        if (s == null) {
            throw new HttpError(404, "unknown session '" + id + "' (closed, idle past "
                    + TimeUnit.NANOSECONDS.toSeconds(idleNanos) + " s, or never opened)");
        }
        return s;
    }

    private void release(EnvSession s) {
        try {
            s.worker.run(() -> {
                s.closeEpisode();
                if (!s.worker.browser.isAlive()) {
                    s.worker.browser.close(); // relaunched at the worker's next reset
                }
                return null;
            });
        } catch (Exception ignored) {
            // nothing more to free
        } finally {
            s.worker.freeSlot(s.slot);
            s.worker.sessions.decrementAndGet();
        }
    }

    private void closeIdle() {
        long now = System.nanoTime();
        for (EnvSession s : List.copyOf(sessions.values())) {
            if (now - s.lastUsedNanos > idleNanos && sessions.remove(s.id) != null) {
                release(s);
            }
        }
    }

    private int maxSteps(String suite, Task task) throws HttpError {
        int configured = Settings.MAX_STEPS.read(config);
        if (configured > 0) {
            return configured;
        }
        return task.maxSteps() > 0 ? task.maxSteps() : catalog.suite(suite).defaultMaxSteps();
    }

    private boolean authorised(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(header.substring(7).strip().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode body(InputStream in) throws IOException, HttpError {
        byte[] bytes = in.readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            throw new HttpError(413, "request body over " + MAX_BODY + " bytes");
        }
        JsonNode node;
        try {
            node = ObservationWire.JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new HttpError(400, "malformed JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new HttpError(400, "the request body must be a JSON object");
        }
        JsonNode version = node.get("protocol_version");
        if (version != null && version.asInt(-1) != ObservationWire.PROTOCOL_VERSION) {
            throw new HttpError(400, "protocol_version " + version + "; this server speaks "
                    + ObservationWire.PROTOCOL_VERSION);
        }
        return node;
    }

    private static String text(JsonNode body, String field) throws HttpError {
        JsonNode v = body.get(field);
        if (v == null || !v.isTextual()) {
            throw new HttpError(400, "field '" + field + "' must be a string, got " + (v == null ? "nothing" : v));
        }
        return v.asText();
    }

    private static ObjectNode error(String message) {
        ObjectNode n = ObservationWire.JSON.createObjectNode();
        n.put("error", message);
        return n;
    }

    @Override
    public void close() {
        http.stop(0);
        reaper.shutdownNow();
        for (EnvSession s : List.copyOf(sessions.values())) {
            sessions.remove(s.id);
            release(s);
        }
        workers.close();
        catalog.close();
        handlers.shutdownNow();
    }
}
