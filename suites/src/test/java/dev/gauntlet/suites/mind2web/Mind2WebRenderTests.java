package dev.gauntlet.suites.mind2web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.gauntlet.api.GauntletBenchmark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** {@code mind2web.render=true}: each step's raw HTML drawn in Chromium, offline, as the step's screenshot. */
class Mind2WebRenderTests {

    @GauntletBenchmark
    static class Benchmark {}

    @TempDir
    Path dir;

    @Test
    void eachStepIsRenderedWithEveryRequestBlocked() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/", ex -> {
            requests.incrementAndGet();
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        site.start();
        try {
            String base = "http://127.0.0.1:" + site.getAddress().getPort();
            ObjectNode t = DatasetFiles.task("r", "w", "Travel", "CLICK", "CLICK");
            for (var a : t.get("actions")) {
                ((ObjectNode) a).put("raw_html", "<html><head><link rel=stylesheet href=\"" + base + "/s.css\">"
                        + "<script src=\"" + base + "/x.js\"></script></head><body style=\"background:#c00\">"
                        + "<img src=\"" + base + "/i.png\"><button backend_node_id=\"p0\">Go</button></body></html>");
            }
            DatasetFiles.write(dir.resolve("data/test_task/test_task_0.json"), t);
            EngineTestKit.engine("gauntlet")
                    .selectors(selectClass(Benchmark.class))
                    .configurationParameter("gauntlet.suite", "mind2web")
                    .configurationParameter("gauntlet.agent", "replay")
                    .configurationParameter("mind2web.data", dir.resolve("data").toString())
                    .configurationParameter("mind2web.render", "true")
                    .configurationParameter("gauntlet.screenshots", "steps")
                    .configurationParameter("gauntlet.runsDir", dir.resolve("runs").toString())
                    .configurationParameter("gauntlet.leaderboard", "off")
                    .execute();
            List<Path> pngs;
            try (Stream<Path> s = Files.walk(dir.resolve("runs/latest/screenshots"))) {
                pngs = s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
            }
            assertTrue(pngs.size() >= 1, "the rendered steps' screenshots: " + pngs);
            // screenshots are stored once per distinct image; every step of the trajectory names one that exists
            int named = 0;
            try (Stream<Path> s = Files.list(dir.resolve("runs/latest/trajectories"))) {
                for (Path f : s.toList()) {
                    for (String line : Files.readAllLines(f)) {
                        var n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
                        if (n.path("type").asText().equals("step")) {
                            String name = n.path("screenshot").asText();
                            assertTrue(!name.isEmpty() && Files.isRegularFile(dir.resolve("runs/latest").resolve(name)),
                                    "a screenshot per step: " + line);
                            named++;
                        }
                    }
                }
            }
            assertTrue(named >= 2, "a screenshot per step: " + named + " steps");
            BufferedImage shot = ImageIO.read(pngs.get(0).toFile());
            assertEquals(StepRenderer.WIDTH, shot.getWidth());
            assertEquals(StepRenderer.HEIGHT, shot.getHeight());
            int corner = shot.getRGB(StepRenderer.WIDTH - 5, StepRenderer.HEIGHT - 5) & 0xffffff;
            assertEquals(0xcc0000, corner, "the page's own inline style is drawn");
            assertEquals(0, requests.get(), "the stylesheet, script and image were never fetched");
        } finally {
            site.stop(0);
        }
    }

    @Test
    void withoutRenderObservationsHaveNoScreenshot() throws Exception {
        Mind2WebTask t = TaskJson.task(DatasetFiles.task("r", "w", "Travel", "CLICK"));
        Mind2WebEpisode e = new Mind2WebEpisode(t, new Mind2WebOracle(t, "test_task", 50, null), 0);
        assertEquals(null, e.observe().screenshot().get());
        assertNotEquals(null, e.observe().html());
    }
}
