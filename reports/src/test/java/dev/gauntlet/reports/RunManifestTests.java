package dev.gauntlet.reports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.RunInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunManifestTests {

    @TempDir
    Path dir;

    @Test
    void redactsSecretKeysButNotTheNamesOfEnvironmentVariables() {
        Config config = Config.of(Map.of("judge.apiKey", "sk-live-123", "judge.api_key_env", "OPENAI_API_KEY",
                "gauntlet.runLabel", "nightly"));
        Map<String, String> described = RunManifest.configuration(config, Set.of("judge.apiKey", "judge.api_key_env"));
        assertEquals("***", described.get("judge.apiKey"));
        assertEquals("OPENAI_API_KEY", described.get("judge.api_key_env"));
        assertEquals("nightly", described.get("gauntlet.runLabel"));
        assertTrue(described.containsKey("gauntlet.actionTimeoutMs"), "defaults are part of the resolved configuration");
        assertFalse(described.toString().contains("sk-live"));
    }

    @Test
    void redactsSecretArgumentsOfAgentSpecs() {
        assertEquals("llm:api_key=***,model=qwen", RunManifest.redactAgent("llm:api_key=sk-live-456,model=qwen"));
        assertEquals("random:seed=3", RunManifest.redactAgent("random:seed=3"));
        assertEquals("replay", RunManifest.redactAgent("replay"));
    }

    private RunInfo run() {
        return new RunInfo(dir.getFileName().toString(), dir, Config.of(Map.of()), Map.of("miniwob", "built-in"),
                List.of("llm:token=abc"), List.of(0L, 1L), 4, 2, java.time.Instant.parse("2026-11-21T10:15:00Z"));
    }

    @Test
    void recordsTheFormatVersionOfTheRunFolderFirst() throws Exception {
        RunManifest manifest = new RunManifest();
        manifest.runStarted(run());
        JsonNode started = Json.MAPPER.readTree(dir.resolve("manifest.json").toFile());
        assertEquals(1, started.path("format_version").asInt());
        assertEquals("format_version", started.fieldNames().next());
        manifest.runFinished(run(), List.of());
        assertEquals(1, Json.MAPPER.readTree(dir.resolve("manifest.json").toFile()).path("format_version").asInt());
    }

    @Test
    void isWrittenAsRunningAtTheStartAndAsFinishedAtTheEnd() throws Exception {
        RunInfo run = run();
        RunManifest manifest = new RunManifest();
        manifest.runStarted(run);
        JsonNode started = Json.MAPPER.readTree(dir.resolve("manifest.json").toFile());
        assertEquals("running", started.path("status").asText());
        assertTrue(started.path("ended_at").isMissingNode());
        assertEquals("built-in", started.path("suites").path("miniwob").asText());
        assertEquals("llm:token=***", started.path("agents").get(0).asText());
        assertEquals(2, started.path("workers").asInt());
        assertEquals("[0,1]", started.path("seeds").toString());
        assertEquals("1/1", started.path("shard").asText());
        assertEquals(System.getProperty("java.version"), started.path("runtime").path("java").path("version").asText());
        assertFalse(started.path("runtime").path("chromium").asText().isEmpty());

        manifest.runFinished(run, List.of(Fixtures.passed("a", 0, "llm"), Fixtures.failed("a", 1, "llm")));
        JsonNode finished = Json.MAPPER.readTree(dir.resolve("manifest.json").toFile());
        assertEquals("finished", finished.path("status").asText());
        assertFalse(finished.path("ended_at").asText().isEmpty());
        assertEquals(1, finished.path("outcomes").path("passed").asInt());
        assertFalse(Files.readString(dir.resolve("manifest.json")).contains("abc"));
    }
}
