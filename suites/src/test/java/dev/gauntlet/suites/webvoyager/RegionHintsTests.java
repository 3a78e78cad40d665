package dev.gauntlet.suites.webvoyager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.GauntletBenchmark;
import dev.gauntlet.api.RegionHints;
import dev.gauntlet.engine.GauntletRun;
import dev.gauntlet.site.SiteServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The manifest's region hints of live-web suites (issue 12: "the manifest records region hints (time zone, locale,
 * user agent, public IP if the user allows it) because live results depend on them"), read from real Chromium.
 */
class RegionHintsTests {

    @GauntletBenchmark
    static class Benchmark {}

    @TempDir
    Path dir;

    @Test
    void theManifestRecordsTheBrowsersRegionAndTheAddressWhenAllowed() throws Exception {
        // an echo service on loopback stands in for api.ipify.org (203.0.113.7 is a documentation address)
        try (SiteServer echo = SiteServer.start().mount("/", ex -> SiteServer.send(ex, 200, "text/plain",
                "203.0.113.7".getBytes(StandardCharsets.UTF_8)))) {
            Path runs = dir.resolve("runs");
            GauntletRun.of(Benchmark.class).suite("webvoyager").agent("replay").tasks("Recipes--0")
                    .screenshots("none").runsDir(runs).set("gauntlet.report.html", "false")
                    .set("webvoyager.publicIp", "true").set("webvoyager.publicIpUrl", echo.url("/")).testEvents();
            Path run;
            try (Stream<Path> s = Files.list(runs)) {
                run = s.filter(p -> !p.getFileName().toString().startsWith(".")).filter(p -> !Files.isSymbolicLink(p))
                        .filter(Files::isDirectory).findFirst().orElseThrow();
            }
            JsonNode hints = new ObjectMapper().readTree(run.resolve("manifest.json").toFile())
                    .path("region_hints").path("webvoyager");
            assertEquals("203.0.113.7", hints.path("public_ip").asText(), hints.toString());
            assertTrue(hints.path("user_agent").asText().contains("Chrome/"), hints.toString());
            assertTrue(!hints.path("time_zone").asText().isBlank() && !hints.path("locale").asText().isBlank(),
                    hints.toString());
            assertTrue(hints.path("public_ip_absent").isMissingNode());
        }
    }

    @Test
    void withoutPermissionTheAddressIsNotAskedForAndTheHintsSayHowToAllowIt() {
        RegionHints h = RegionProbe.read(Config.of(Map.of()), "webvoyager.publicIp", null);
        assertEquals("", h.publicIp());
        assertEquals("not recorded: set webvoyager.publicIp=true to record it", h.publicIpAbsent());
        assertTrue(h.userAgent().contains("Chrome/"), h.userAgent());
    }

    @Test
    void offlineTheAddressIsAbsentWithWhy() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort(); // nothing listens there once closed: a service that does not answer
        }
        String url = "http://127.0.0.1:" + closed + "/";
        RegionHints h = RegionProbe.read(Config.of(Map.of()), "webvoyager.publicIp", url);
        assertEquals("", h.publicIp());
        assertTrue(h.publicIpAbsent().startsWith(url + " did not answer: "), h.publicIpAbsent());
    }

    @Test
    void anAnswerThatIsNoAddressIsNotRecorded() throws Exception {
        try (SiteServer portal = SiteServer.start().mount("/", ex -> SiteServer.html(ex, 200, "<p>Sign in to the Wi-Fi</p>"))) {
            RegionHints h = RegionProbe.read(Config.of(Map.of()), "webvoyager.publicIp", portal.url("/"));
            assertEquals("", h.publicIp());
            assertTrue(h.publicIpAbsent().endsWith("answered 'Sign in to the Wi-Fi', not an address"), h.publicIpAbsent());
        }
    }
}
