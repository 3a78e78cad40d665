package dev.gauntlet.suites.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.GauntletBenchmark;
import dev.gauntlet.serve.EnvServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16's "done when": a Python loop ({@code clients/python/examples/env_loop.py}) drives 16 concurrent
 * environment sessions over every built-in MiniWoB task × 2 seeds with the heuristic policy, and each episode ends
 * with the same reward (the oracle's score), outcome and step count as the Java heuristic agent in an engine run.
 */
class PythonEnvLoopTests {

    @GauntletBenchmark
    static class Run {}

    @TempDir
    Path runs;

    @Test
    void sixteenConcurrentPythonSessionsEarnTheInProcessRewards() throws Exception {
        Map<String, String> env = new TreeMap<>();
        try (EnvServer server = EnvServer.start(Config.of(Map.of("gauntlet.serve.port", "0",
                "gauntlet.workers", "4")));
             PythonProcess python = PythonProcess.start("examples/env_loop.py", "--url", server.url(),
                     "--suite", "miniwob", "--seeds", "0,1", "--concurrency", "16")) {
            String output = python.finish(300);
            assertEquals(0, python.exitValue(), output);
            for (String line : output.split("\n")) {
                if (!line.startsWith("{")) {
                    continue;
                }
                JsonNode r = EnvClient.JSON.readTree(line);
                if (r.has("summary")) {
                    assertEquals("[]", r.get("errors").toString(), output);
                    continue;
                }
                String outcome = r.get("outcome").asText().equals("success") ? "passed" : "failed";
                env.put(r.get("task").asText() + " seed " + r.get("seed").asInt(), outcome + " reward="
                        + r.get("reward").asDouble() + " steps=" + r.get("steps").asInt());
            }
            assertEquals(0, server.openSessions(), "every session was closed");
        }

        EngineTestKit.engine("gauntlet")
                .selectors(DiscoverySelectors.selectClass(Run.class))
                .configurationParameter("gauntlet.suite", "miniwob")
                .configurationParameter("gauntlet.agent", "heuristic")
                .configurationParameter("gauntlet.seeds", "2")
                .configurationParameter("gauntlet.workers", "2")
                .configurationParameter("gauntlet.screenshots", "none")
                .configurationParameter("gauntlet.report.html", "false")
                .configurationParameter("gauntlet.runsDir", runs.toString())
                .configurationParameter("gauntlet.leaderboard", "off")
                .execute();
        List<String> rows = Files.readAllLines(runs.resolve("latest").resolve("results.csv"));
        List<String> header = List.of(rows.get(0).split(","));
        int task = header.indexOf("task"), seed = header.indexOf("seed"), status = header.indexOf("status");
        int score = header.indexOf("score"), steps = header.indexOf("steps");
        Map<String, String> inProcess = new TreeMap<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] r = row.split(",", -1);
            inProcess.put(r[task] + " seed " + r[seed], r[status] + " reward=" + Double.parseDouble(r[score])
                    + " steps=" + r[steps]);
        }
        assertTrue(inProcess.size() >= 40 && inProcess.containsValue("passed reward=1.0 steps=1"), inProcess.toString());
        assertEquals(inProcess, env);
    }
}
