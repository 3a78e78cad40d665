package dev.gauntlet.site;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An in-process HTTP server on the loopback interface for built-in sites and pages. Mount static folders (from the
 * classpath or disk) or handlers under path prefixes; the port is picked by the system.
 */
public final class SiteServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("gif", "image/gif"),
            Map.entry("svg", "image/svg+xml"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("ico", "image/x-icon"), Map.entry("woff2", "font/woff2"), Map.entry("woff", "font/woff"),
            Map.entry("ttf", "font/ttf"), Map.entry("map", "application/json"));

    static {
        // without it the JDK server waits on Nagle's algorithm: ~40 ms on every small page (read once per JVM)
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;

    private SiteServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts a server on 127.0.0.1 and a free port. */
    public static SiteServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            ExecutorService executor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "gauntlet-site");
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(executor);
            server.start();
            return new SiteServer(server, executor);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the built-in site server", e);
        }
    }

    /** Returns {@code http://127.0.0.1:PORT}. */
    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Returns the absolute URL of {@code path} (which starts with {@code /}). */
    public String url(String path) {
        return origin() + path;
    }

    /** Serves {@code handler} under {@code prefix}. */
    public SiteServer mount(String prefix, HttpHandler handler) {
        server.createContext(prefix, exchange -> {
            try (exchange) {
                handler.handle(exchange);
            } catch (RuntimeException e) {
                send(exchange, 500, "text/plain; charset=utf-8", ("internal error: " + e).getBytes(StandardCharsets.UTF_8));
            }
        });
        return this;
    }

    /** Serves classpath resources below {@code resourceRoot} (e.g. {@code /dev/gauntlet/miniwob/html}) under {@code prefix}. */
    public SiteServer mountClasspath(String prefix, String resourceRoot, ClassLoader loader) {
        return mount(prefix, exchange -> {
            String rel = relative(exchange, prefix);
            if (rel == null) {
                return;
            }
            String name = (resourceRoot.startsWith("/") ? resourceRoot.substring(1) : resourceRoot) + "/" + rel;
            try (InputStream in = loader.getResourceAsStream(name)) {
                if (in == null) {
                    notFound(exchange);
                } else {
                    send(exchange, 200, type(rel), in.readAllBytes());
                }
            }
        });
    }

    /** Serves files below {@code root} under {@code prefix}; nothing outside {@code root} is reachable. */
    public SiteServer mountDirectory(String prefix, Path root) {
        Path base = root.toAbsolutePath().normalize();
        return mount(prefix, exchange -> {
            String rel = relative(exchange, prefix);
            if (rel == null) {
                return;
            }
            Path file = base.resolve(rel).normalize();
            if (!file.startsWith(base) || !Files.isRegularFile(file)) {
                notFound(exchange);
            } else {
                send(exchange, 200, type(rel), Files.readAllBytes(file));
            }
        });
    }

    private static String relative(HttpExchange exchange, String prefix) throws IOException {
        URI uri = exchange.getRequestURI();
        String path = uri.getPath();
        String rel = path.length() > prefix.length() ? path.substring(prefix.length()) : "";
        while (rel.startsWith("/")) {
            rel = rel.substring(1);
        }
        if (rel.isEmpty() || rel.endsWith("/")) {
            rel = rel + "index.html";
        }
        if (rel.contains("..")) {
            notFound(exchange);
            return null;
        }
        return rel;
    }

    /** Sends a complete response. */
    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Escapes text for HTML element content and double-quoted attribute values. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * Decodes a raw query string or form body ({@code a=1&b=x%20y}); a name without {@code =} maps to {@code ""} and a
     * pair with a malformed escape (a hand-made URL) is left out, never an error.
     */
    public static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // left out, as documented
            }
        }
        return out;
    }

    /** Sends an HTML page. */
    public static void html(HttpExchange exchange, int status, String html) throws IOException {
        send(exchange, status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        send(exchange, 404, "text/plain; charset=utf-8", "not found".getBytes(StandardCharsets.UTF_8));
    }

    private static String type(String name) {
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
