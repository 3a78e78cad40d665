package dev.gauntlet.suites.webvoyager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import dev.gauntlet.api.GauntletBenchmark;
import dev.gauntlet.engine.GauntletRun;
import dev.gauntlet.site.SiteServer;
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
 * WebVoyager's golden reference answers as an extra check on live tasks, in a column of its own and never the score
 * (issue 12: "golden reference answers give an optional extra check (reported in its own column, not the official
 * score)"); on the built-in sample the same check is the oracle.
 */
class AnswerCheckColumnTests {

    @GauntletBenchmark
    static class Benchmark {}

    @TempDir
    Path dir;

    @Test
    void liveTasksWithAGoldenAnswerGetTheCheckInItsOwnColumnWhileTheJudgeDecides() throws Exception {
        try (SiteServer site = SiteServer.start().mount("/", ex -> SiteServer.html(ex, 200,
                "<html><head><title>Kitchen</title></head><body><p>Ready in 105 minutes.</p></body></html>"))) {
            Path tasks = dir.resolve("WebVoyager_data.jsonl");
            String line = "{\"web_name\": \"Kitchen\", \"id\": \"Kitchen--%d\", \"ques\": \"How long does it take?\","
                    + " \"web\": \"" + site.url("/") + "\", \"gauntlet_gold\": [\"send_msg_to_user('%s')\"]}";
            Files.writeString(tasks, String.join("\n", String.format(line, 0, "It takes 105 minutes"),
                    String.format(line, 1, "About an hour"), String.format(line, 2, "105 minutes"),
                    String.format(line, 3, "105")));
            Path answers = dir.resolve("reference_answer.json");
            Files.writeString(answers, "{\"Kitchen\": {\"answers\": [{\"id\": 0, \"type\": \"golden\", \"ans\": \"105 minutes\"},"
                    + " {\"id\": 1, \"type\": \"golden\", \"ans\": \"105 minutes\"},"
                    + " {\"id\": 2, \"type\": \"possible\", \"ans\": \"105 minutes\"}]}}");
            Path runs = dir.resolve("runs");
            GauntletRun.of(Benchmark.class).suite("webvoyager").agent("replay").screenshots("none").runsDir(runs)
                    .set("gauntlet.report.html", "false").set("webvoyager.tasks", tasks.toString())
                    .set("webvoyager.answers", answers.toString()).testEvents();
            Path run = onlyRun(runs);
            Map<String, Map<String, String>> rows = rows(run.resolve("results.csv"));
            assertEquals("success", rows.get("Kitchen--0").get("answer_check"));
            assertEquals("failure", rows.get("Kitchen--1").get("answer_check"));
            assertEquals("", rows.get("Kitchen--2").get("answer_check"), "a possible answer is one of many: no check");
            assertEquals("", rows.get("Kitchen--3").get("answer_check"), "no reference answer: no check");
            for (Map<String, String> r : rows.values()) {
                // the judge (none reachable here) decides: unscored, whatever the check says
                assertEquals("skipped", r.get("status"), r.toString());
                assertEquals("", r.get("score"), r.toString());
                assertEquals("unscored", r.get("judge:webvoyager"), r.toString());
            }
            JsonNode group = new ObjectMapper().readTree(run.resolve("summary.json").toFile()).path("groups").get(0);
            JsonNode check = group.path("answer_check");
            assertEquals(1, check.path("success").asInt(), group.toString());
            assertEquals(1, check.path("failure").asInt(), group.toString());
            assertEquals(0.5, check.path("rate").asDouble(), 1e-9);
            assertEquals(0, group.path("passed").asInt() + group.path("failed").asInt(), "not in the success rate");
        }
    }

    @Test
    void onTheBuiltInSampleTheCheckIsTheOracleNotAColumn() throws Exception {
        Path runs = dir.resolve("runs");
        GauntletRun.of(Benchmark.class).suite("webvoyager").agent("replay").tasks("Recipes--0").screenshots("none")
                .runsDir(runs).set("gauntlet.report.html", "false").testEvents();
        Map<String, String> row = rows(onlyRun(runs).resolve("results.csv")).get("Recipes--0");
        assertEquals("passed", row.get("status"));
        assertEquals("success", row.get("oracle"));
        assertEquals("", row.get("answer_check"));
    }

    static Path onlyRun(Path runs) throws Exception {
        try (Stream<Path> s = Files.list(runs)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).filter(p -> !Files.isSymbolicLink(p))
                    .filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    static Map<String, Map<String, String>> rows(Path csv) throws Exception {
        List<String[]> lines;
        try (CSVReader in = new CSVReader(Files.newBufferedReader(csv))) {
            lines = in.readAll();
        }
        Map<String, Map<String, String>> out = new HashMap<>();
        for (String[] v : lines.subList(1, lines.size())) {
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < v.length; i++) {
                row.put(lines.get(0)[i], v[i]);
            }
            out.put(row.get("task"), row);
        }
        assertTrue(!out.isEmpty());
        return out;
    }
}
