package dev.gauntlet.suites.remote;

import dev.gauntlet.api.GauntletBenchmark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Python agents through {@code -Dagent=remote:url=...} on the built-in MiniWoB tasks in real Chromium: the example
 * heuristic agent ({@code clients/python/examples/heuristic_agent.py}) scores exactly as its Java twin, and an agent
 * that raises makes step errors, not broken episodes.
 */
class PythonAgentTests {

    @GauntletBenchmark
    static class Run {}

    @TempDir
    Path runs;

    private List<String> run(String agents, String seeds, String tasks, String maxSteps) throws Exception {
        EngineTestKit.engine("gauntlet")
                .selectors(DiscoverySelectors.selectClass(Run.class))
                .configurationParameter("gauntlet.suite", "miniwob")
                .configurationParameter("gauntlet.agent", agents)
                .configurationParameter("gauntlet.seeds", seeds)
                .configurationParameter("gauntlet.tasks", tasks)
                .configurationParameter("gauntlet.maxSteps", maxSteps)
                .configurationParameter("gauntlet.workers", "2")
                .configurationParameter("gauntlet.screenshots", "none")
                .configurationParameter("gauntlet.report.html", "false")
                .configurationParameter("gauntlet.runsDir", runs.toString())
                .configurationParameter("gauntlet.leaderboard", "off")
                .execute();
        return Files.readAllLines(runs.resolve("latest").resolve("results.csv"));
    }

    /**
     * Issue 16's "done when": the Python example agent scores like its Java twin, episode by episode: the same
     * outcome, the same number of steps, and a raw reward of the same sign (MiniWoB's reward also decays with the
     * episode's wall time, which two runs never share).
     */
    @Test
    void thePythonHeuristicAgentScoresLikeTheJavaOneOnEveryTaskAndSeed() throws Exception {
        try (PythonProcess python = PythonProcess.start("examples/heuristic_agent.py", "--port", "0")) {
            String line = python.awaitLine("gauntlet agent listening on ");
            assertTrue(line != null, python.output());
            String url = line.substring("gauntlet agent listening on ".length()).strip();
            List<String> rows = run("heuristic;remote:url=" + url, "2", "*", "0");
            List<String> header = List.of(rows.get(0).split(","));
            int task = header.indexOf("task"), seed = header.indexOf("seed"), agent = header.indexOf("agent");
            int status = header.indexOf("status"), reward = header.indexOf("reward"), steps = header.indexOf("steps");
            Map<String, Map<String, String>> byAgent = rows.stream().skip(1).map(r -> r.split(",", -1))
                    .collect(Collectors.groupingBy(r -> r[agent].startsWith("remote") ? "python" : "java",
                            Collectors.toMap(r -> r[task] + " seed " + r[seed],
                                    r -> r[status] + " steps=" + r[steps] + " reward sign="
                                            + Math.signum(Double.parseDouble(r[reward])), (a, b) -> a,
                                    TreeMap::new)));
            Map<String, String> java = byAgent.get("java");
            assertTrue(java.size() >= 40, "every built-in task × 2 seeds: " + java.keySet());
            assertTrue(java.values().stream().anyMatch(v -> v.startsWith("passed"))
                    && java.values().stream().anyMatch(v -> v.startsWith("failed")), java.toString());
            assertEquals(java, byAgent.get("python"), python.output());
        }
    }

    /** Issue 16, "Bad input": an agent server that answers 500 makes step errors with the cause; the run goes on. */
    @Test
    void aPythonAgentThatRaisesMakesStepErrorsNotBrokenEpisodes() throws Exception {
        Path script = Files.writeString(runs.resolve("raising_agent.py"), String.join("\n",
                "import sys",
                "sys.path.insert(0, " + pythonString(PythonProcess.CLIENTS.toString()) + ")",
                "import gauntlet_client as gc",
                "def act(obs):",
                "    raise KeyError('no such field in ' + obs['url'])",
                "gc.serve_agent(act, port=0)", ""));
        try (PythonProcess python = PythonProcess.start(script.toString())) {
            String line = python.awaitLine("gauntlet agent listening on ");
            assertTrue(line != null, python.output());
            String url = line.substring("gauntlet agent listening on ".length()).strip();
            List<String> rows = run("remote:url=" + url + ",retries=0", "1", "click-button", "2");
            assertEquals(2, rows.size(), rows.toString());
            assertTrue(rows.get(1).contains(",failed,"), rows.get(1));
            try (Stream<Path> files = Files.walk(runs.resolve("latest").resolve("trajectories"))) {
                String log = Files.readString(files.filter(Files::isRegularFile).findFirst().orElseThrow());
                assertTrue(log.contains("HTTP 500") && log.contains("KeyError"), log);
            }
        }
    }

    private static String pythonString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
