package dev.gauntlet.reports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.api.RunFolder;
import dev.gauntlet.engine.GauntletRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lean traces, on real runs in Chromium: each distinct screenshot is written once and every step names its file; JPEG
 * on request; the run's size per episode in summary.json; the Allure results still attach a screenshot to every step.
 * The {@code clicker} agent clicks the {@code crashy} page's body, which changes nothing, then answers: four episodes
 * of two steps and a final page each name twelve screenshots of one image.
 */
class LeanTraceTests {

    @TempDir
    Path runs;

    private Path run(String format) throws IOException {
        return run(format, runs);
    }

    private static Path run(String format, Path runs) throws IOException {
        GauntletRun.of(DiscoverySelectors.selectClass("dev.gauntlet.engine.Benchmark")).suite("crashy")
                .agent("clicker").seeds("1,2,3,4").screenshots("steps").set("gauntlet.screenshots.format", format)
                .set("gauntlet.report.html", "false").runsDir(runs).execute();
        return KillAndResumeTests.onlyRun(runs).orElseThrow();
    }

    @Test
    void eachDistinctScreenshotIsWrittenOnceAndEveryStepNamesAFileThatIsThere() throws IOException {
        Path run = run("png");
        List<String> named = screenshotsNamed(run);
        assertEquals(12, named.size(), "4 episodes x (2 steps + the final page)");
        assertEquals(1, new HashSet<>(named).size(), "one unchanged page");
        for (String name : named) {
            assertTrue(name.matches("screenshots/[0-9a-f]{32}\\.png"), name);
            byte[] png = Files.readAllBytes(run.resolve(name));
            assertEquals((byte) 0x89, png[0], "a PNG: " + name);
        }
        assertEquals(Set.copyOf(named), filesUnder(run, RunFolder.SCREENSHOTS), "no other screenshot files");
    }

    @Test
    void jpegScreenshotsAreJpegFilesOfTheSameSize() throws IOException {
        Path png = run("png", runs.resolve("png"));
        BufferedImage lossless = ImageIO.read(png.resolve(screenshotsNamed(png).get(0)).toFile());
        Path jpeg = run("jpeg", runs.resolve("jpeg"));
        List<String> named = screenshotsNamed(jpeg);
        assertEquals(1, new HashSet<>(named).size());
        for (String name : named) {
            assertTrue(name.endsWith(".jpg"), name);
            byte[] bytes = Files.readAllBytes(jpeg.resolve(name));
            assertEquals((byte) 0xFF, bytes[0]);
            assertEquals((byte) 0xD8, bytes[1], "the JPEG start-of-image marker");
            BufferedImage lossy = ImageIO.read(jpeg.resolve(name).toFile());
            assertEquals(lossless.getWidth(), lossy.getWidth());
            assertEquals(lossless.getHeight(), lossy.getHeight());
        }
    }

    @Test
    void theSummaryGivesTheRunsSizePerEpisode() throws IOException {
        Path run = run("png");
        JsonNode trace = Json.MAPPER.readTree(new RunFolder(run).summary().toFile()).path("trace");
        long shotBytes = 0;
        for (String name : filesUnder(run, RunFolder.SCREENSHOTS)) {
            shotBytes += Files.size(run.resolve(name));
        }
        assertEquals(1, trace.path("screenshot_files").asLong());
        assertEquals(shotBytes, trace.path("screenshot_bytes").asLong());
        assertTrue(trace.path("bytes").asLong() > shotBytes, "results, trajectories and Allure results count too");
        assertEquals(trace.path("bytes").asLong() / 4, trace.path("bytes_per_episode").asLong());
    }

    @Test
    void theAllureResultsAttachAScreenshotToEveryStepAndStoreEachImageOnce() throws IOException {
        Path run = run("png");
        Path allure = new RunFolder(run).allureResults();
        int attached = 0;
        Set<String> sources = new HashSet<>();
        try (Stream<Path> files = Files.list(allure)) {
            for (Path f : files.filter(p -> p.toString().endsWith("-result.json")).toList()) {
                JsonNode test = Json.MAPPER.readTree(f.toFile());
                for (JsonNode step : test.path("steps")) {
                    for (JsonNode a : step.path("attachments")) {
                        if (a.path("name").asText().equals("screenshot")) {
                            attached++;
                            sources.add(a.path("source").asText());
                            assertEquals("image/png", a.path("type").asText());
                        }
                    }
                }
            }
        }
        assertEquals(8, attached, "one screenshot per agent step");
        for (String source : sources) {
            assertTrue(Files.exists(allure.resolve(source)), source);
        }
        try (Stream<Path> files = Files.list(allure)) {
            assertEquals(1, files.filter(p -> p.toString().endsWith(".png")).count(), "one distinct image");
        }
    }

    /** The screenshot names the trajectories give, step by step and final page, in file order. */
    static List<String> screenshotsNamed(Path run) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(new RunFolder(run).trajectories())) {
            for (Path f : files.sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    JsonNode n = Json.MAPPER.readTree(line);
                    String name = n.path(n.path("type").asText().equals("step") ? "screenshot" : "final_screenshot").asText();
                    if (!name.isEmpty()) {
                        names.add(name);
                    }
                }
            }
        }
        return names;
    }

    private static Set<String> filesUnder(Path run, String folder) throws IOException {
        try (Stream<Path> files = Files.walk(run.resolve(folder))) {
            return Set.copyOf(files.filter(Files::isRegularFile).map(p -> run.relativize(p).toString()).toList());
        }
    }
}
