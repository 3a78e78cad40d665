package dev.gauntlet.suites.webvoyager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gauntlet.api.GauntletBenchmark;
import dev.gauntlet.engine.GauntletRun;
import dev.gauntlet.site.SiteServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pages that refuse automated browsers, served by a test-only site and met in real Chromium through the engine (issue
 * 12: "pages that block automated browsers (HTTP 403/429, CAPTCHA or bot-wall pages) are detected and reported as a
 * separate status in results, summary and leaderboard ('blocked'), never as agent failures").
 */
class BlockedPagesTests {

    @GauntletBenchmark
    static class Benchmark {}

    @TempDir
    Path dir;

    private SiteServer site;

    /** The bot-wall site: every page written here, after the shapes of the walls live sites show. */
    @BeforeEach
    void startSite() {
        site = SiteServer.start().mount("/", ex -> {
            String path = ex.getRequestURI().getPath();
            switch (path) {
                case "/challenge" -> SiteServer.html(ex, 403, "<!doctype html><html><head><title>Just a moment...</title>"
                        + "</head><body><h1>Checking the connection</h1><p>This takes a few seconds.</p></body></html>");
                case "/busy" -> SiteServer.html(ex, 429, "<html><head><title>Slow down</title></head>"
                        + "<body><p>Too many requests from your address.</p></body></html>");
                case "/login" -> SiteServer.html(ex, 200, "<html><head><title>Log in</title></head><body><h1>Log in</h1>"
                        + "<iframe title=\"reCAPTCHA\" width=\"304\" height=\"78\" src=\"/recaptcha/api2/anchor?k=1&size=normal\">"
                        + "</iframe></body></html>");
                case "/recaptcha/api2/anchor" -> SiteServer.html(ex, 200, "<html><body>[ ] I'm not a robot</body></html>");
                case "/shop" -> SiteServer.html(ex, 200, "<html><head><title>Deals</title></head><body><h1>Deals</h1>"
                        + "<a id=\"deal\" href=\"/verify\">Today's deal</a></body></html>");
                case "/verify" -> SiteServer.html(ex, 200, "<html><head><title>Deals</title></head><body>"
                        + "<p>Please verify you are human to continue.</p></body></html>");
                case "/contact" -> SiteServer.html(ex, 200, "<html><head><title>Contact</title></head><body><h1>Contact"
                        + "</h1><p>This form is protected by reCAPTCHA.</p><iframe width=\"256\" height=\"60\" "
                        + "src=\"/recaptcha/api2/anchor?k=1&size=invisible\"></iframe></body></html>");
                // a JavaScript challenge that lets the browser through: not a wall once it has navigated on
                case "/passing" -> SiteServer.html(ex, 403, "<html><head><title>Just a moment...</title></head><body>"
                        + "<script>setTimeout(() => location.replace('/contact'), 500)</script></body></html>");
                default -> SiteServer.html(ex, 404, "<p>no such page</p>");
            }
        });
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    private String task(String id, String path, String gold) {
        return "{\"web_name\": \"Walls\", \"id\": \"Walls--" + id + "\", \"ques\": \"Find today's deal.\", \"web\": \""
                + site.url(path) + "\", \"gauntlet_gold\": [" + gold + "]}";
    }

    @Test
    void wallsAreBlockedNotFailedInResultsSummaryLeaderboardAndAllure() throws Exception {
        Path tasks = dir.resolve("walls.jsonl");
        Files.writeString(tasks, String.join("\n",
                task("0", "/challenge", "\"send_msg_to_user('x')\""),
                task("1", "/busy", "\"send_msg_to_user('x')\""),
                task("2", "/login", "\"send_msg_to_user('x')\""),
                task("3", "/shop", "\"click('css=#deal')\", \"send_msg_to_user('x')\""),
                task("4", "/contact", "\"send_msg_to_user('x')\""),
                task("5", "/passing", "\"send_msg_to_user('x')\"")));
        Path runs = dir.resolve("runs");
        var events = GauntletRun.of(Benchmark.class).suite("webvoyager").agent("replay").screenshots("none")
                .workers(2).runsDir(runs).leaderboard(dir.resolve("leaderboard.md"))
                .set("gauntlet.report.html", "false").set("webvoyager.tasks", tasks.toString()).testEvents();
        assertEquals(6, events.aborted().count(), "walls are aborted (blocked), the others unscored without a judge");
        assertEquals(0, events.failed().count());

        Path run;
        try (Stream<Path> s = Files.list(runs)) {
            run = s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !Files.isSymbolicLink(p)).findFirst().orElseThrow();
        }
        List<String[]> lines;
        try (var csv = new com.opencsv.CSVReader(Files.newBufferedReader(run.resolve("results.csv")))) {
            lines = csv.readAll();
        }
        List<String> header = List.of(lines.get(0));
        Map<String, String[]> rows = new HashMap<>();
        for (String[] v : lines.subList(1, lines.size())) {
            rows.put(v[header.indexOf("task")], v);
        }
        int status = header.indexOf("status");
        int error = header.indexOf("error");
        int steps = header.indexOf("steps");
        for (String blocked : List.of("Walls--0", "Walls--1", "Walls--2", "Walls--3")) {
            assertEquals("blocked", rows.get(blocked)[status], blocked);
        }
        assertTrue(rows.get("Walls--0")[error].contains("HTTP 403, a challenge page titled 'Just a moment...'"),
                rows.get("Walls--0")[error]);
        assertTrue(rows.get("Walls--1")[error].contains("HTTP 429"), rows.get("Walls--1")[error]);
        assertTrue(rows.get("Walls--2")[error].contains("CAPTCHA (/recaptcha/api2/anchor)"), rows.get("Walls--2")[error]);
        assertTrue(rows.get("Walls--3")[error].contains("verify you are human") && rows.get("Walls--3")[error]
                .contains("/verify"), rows.get("Walls--3")[error]);
        assertEquals("1", rows.get("Walls--3")[steps], "the step before the wall is kept");
        assertEquals("skipped", rows.get("Walls--4")[status], "an invisible CAPTCHA badge is no wall");
        assertEquals("skipped", rows.get("Walls--5")[status], "a challenge that lets the browser through is no wall");

        JsonNode group = new ObjectMapper().readTree(run.resolve("summary.json").toFile()).path("groups").get(0);
        assertEquals(4, group.path("blocked").asInt());
        assertEquals(0, group.path("failed").asInt());
        assertEquals(0, group.path("broken").asInt());
        assertEquals(2, group.path("unscored").asInt());
        JsonNode manifest = new ObjectMapper().readTree(run.resolve("manifest.json").toFile());
        assertEquals(4, manifest.path("outcomes").path("blocked").asInt());

        String leaderboard = Files.readString(dir.resolve("leaderboard.md"));
        assertTrue(leaderboard.contains("| 6 (2 unscored, 4 blocked) |"), leaderboard);

        Path allure = run.resolve("allure-results");
        assertTrue(Files.readString(allure.resolve("categories.json")).contains("Blocked by the site"));
        long tagged;
        try (Stream<Path> s = Files.list(allure)) {
            tagged = s.filter(p -> p.toString().endsWith("-result.json")).map(BlockedPagesTests::read)
                    .filter(r -> r.path("status").asText().equals("skipped")
                            && r.path("statusDetails").path("message").asText().startsWith("blocked by the site: ")
                            && r.path("labels").findValuesAsText("value").contains("blocked")).count();
        }
        assertEquals(4, tagged, "blocked episodes are skipped in Allure, tagged and categorised as blocked");
    }

    private static JsonNode read(Path p) {
        try {
            return new ObjectMapper().readTree(p.toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
