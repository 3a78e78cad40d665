package dev.gauntlet.suites.miniwob;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.ConfigException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where MiniWoB pages come from: the built-in set (class path), an upstream {@code miniwob/html} folder
 * ({@code -Dminiwob.dir}) or an upstream server ({@code -Dminiwob.url}). Lists task ids with their tags.
 */
final class MiniWobSource {

    static final String RESOURCES = "dev/gauntlet/suites/miniwob/html";

    /** Upstream tasks that need the agent to wait for events; excluded unless asked for. */
    static final Set<String> WAITING = Set.of("chase-circle", "moving-items", "simon-says", "button-delay", "hover-shape");

    enum Kind { BUILT_IN, DIRECTORY, URL }

    final Kind kind;
    /** The {@code miniwob/html} folder (DIRECTORY) or base URL ending in {@code /} (URL); null for built-in. */
    final String location;
    final Map<String, List<String>> tasks;
    final String description;

    private MiniWobSource(Kind kind, String location, Map<String, List<String>> tasks, String description) {
        this.kind = kind;
        this.location = location;
        this.tasks = tasks;
        this.description = description;
    }

    static MiniWobSource resolve(Config config) throws IOException {
        var dir = java.util.Optional.ofNullable(MiniWobSuite.DIR.read(config));
        var url = java.util.Optional.ofNullable(MiniWobSuite.URL.read(config));
        boolean waiting = MiniWobSuite.INCLUDE_WAITING.read(config);
        if (dir.isPresent() && url.isPresent()) {
            throw new ConfigException("set only one of '" + MiniWobSuite.DIR.key() + "' and '" + MiniWobSuite.URL.key() + "'");
        }
        if (dir.isPresent()) {
            return directory(Path.of(dir.get()), waiting);
        }
        if (url.isPresent()) {
            return url(url.get(), waiting);
        }
        return builtIn();
    }

    private static MiniWobSource builtIn() throws IOException {
        try (InputStream in = MiniWobSource.class.getClassLoader().getResourceAsStream(RESOURCES + "/tasks.json")) {
            if (in == null) {
                throw new IOException("missing " + RESOURCES + "/tasks.json on the class path");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, List<String>> tasks = new LinkedHashMap<>();
            for (JsonNode t : root.path("tasks")) {
                List<String> tags = new ArrayList<>(List.of("source:builtin"));
                t.path("tags").forEach(tag -> tags.add(tag.asText()));
                tasks.put(t.path("id").asText(), tags);
            }
            return new MiniWobSource(Kind.BUILT_IN, null, tasks, "built-in (" + tasks.size() + " tasks)");
        }
    }

    /** Accepts the {@code miniwob/html} folder itself or a checkout root holding it. */
    static MiniWobSource directory(Path given, boolean waiting) throws IOException {
        Path html = given;
        if (!Files.isDirectory(html.resolve("core")) && Files.isDirectory(given.resolve("miniwob/html/core"))) {
            html = given.resolve("miniwob/html");
        }
        Path core = html.resolve("core/core.js");
        Path pages = html.resolve("miniwob");
        if (!Files.isDirectory(given)) {
            throw new ConfigException("'" + MiniWobSuite.DIR.key() + "' is " + given + ", which is not a folder;"
                    + " expected a MiniWoB++ checkout's miniwob/html folder (holding core/core.js and miniwob/*.html)");
        }
        if (!Files.isRegularFile(core) || !Files.isDirectory(pages)) {
            throw new ConfigException("'" + MiniWobSuite.DIR.key() + "' is " + given + ", which holds no "
                    + (Files.isRegularFile(core) ? "miniwob/ folder of task pages" : "core/core.js")
                    + "; expected a MiniWoB++ checkout's miniwob/html folder (holding core/core.js and miniwob/*.html)");
        }
        Map<String, List<String>> tasks = new LinkedHashMap<>();
        MessageDigest sha = sha256();
        sha.update(Files.readAllBytes(core));
        List<Path> files;
        try (Stream<Path> s = Files.list(pages)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".html")).sorted().toList();
        }
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            if (!text.contains("genProblem")) {
                continue; // not a task page
            }
            String id = file.getFileName().toString().replaceFirst("\\.html$", "");
            sha.update(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update(bytes);
            if (!waiting && WAITING.contains(id)) {
                continue;
            }
            tasks.put(id, List.of("source:upstream"));
        }
        if (tasks.isEmpty()) {
            throw new ConfigException("'" + MiniWobSuite.DIR.key() + "' is " + given + ", but " + pages
                    + " holds no task pages (*.html defining genProblem)");
        }
        String hash = HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        return new MiniWobSource(Kind.DIRECTORY, html.toAbsolutePath().normalize().toString(), tasks,
                "upstream " + html.toAbsolutePath().normalize() + " sha256:" + hash + " (" + tasks.size() + " tasks)");
    }

    /** Lists the pages from the server's directory listing of {@code miniwob/}. */
    static MiniWobSource url(String base, boolean waiting) throws IOException {
        String root = base.endsWith("/") ? base : base + "/";
        String listing;
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(root + "miniwob/"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException("HTTP " + r.statusCode());
            }
            listing = r.body();
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("'" + MiniWobSuite.URL.key() + "' is " + base + ", but " + root
                    + "miniwob/ could not be listed (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + "); serve the miniwob/html folder with a"
                    + " directory listing (python3 -m http.server) or use '" + MiniWobSuite.DIR.key() + "'");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        Matcher m = Pattern.compile("href=\"([A-Za-z0-9_-]+)\\.html\"").matcher(listing);
        Set<String> ids = new TreeSet<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        Map<String, List<String>> tasks = new LinkedHashMap<>();
        for (String id : ids) {
            if (waiting || !WAITING.contains(id)) {
                tasks.put(id, List.of("source:upstream"));
            }
        }
        if (tasks.isEmpty()) {
            throw new ConfigException("'" + MiniWobSuite.URL.key() + "' is " + base + ", but the listing of " + root
                    + "miniwob/ names no *.html task pages");
        }
        return new MiniWobSource(Kind.URL, root, tasks, "upstream " + root + " (" + tasks.size() + " tasks)");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
