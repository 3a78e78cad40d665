package dev.gauntlet.reports.rescore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gauntlet.api.Action;
import dev.gauntlet.api.ActionGrammar;
import dev.gauntlet.api.Step;
import dev.gauntlet.api.Task;
import dev.gauntlet.api.Trajectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an episode's {@code trajectories/*.jsonl} back into a {@link Trajectory}: each step's URL, title, action
 * (parsed from its BrowserGym text), error, screenshot, timings and reasoning, and the closing line's answer, stop
 * reason, final URL and final screenshot. Observation text is not stored (only its digest), so it comes back empty.
 */
final class StoredTrajectory {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredTrajectory() {}

    static Trajectory read(Path file, Task task, long seed, String agent) throws IOException {
        List<Step> steps = new ArrayList<>();
        JsonNode end = null;
        int lineNo = 0;
        for (String line : Files.readAllLines(file)) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode n;
            try {
                n = JSON.readTree(line);
            } catch (IOException e) {
                throw new IOException(file + " line " + lineNo + " is not JSON: " + e.getMessage(), e);
            }
            switch (n.path("type").asText()) {
                case "step" -> steps.add(step(n));
                case "episode" -> end = n;
                default -> { } // verdict lines: the old scores, not inputs
            }
        }
        if (end == null) {
            throw new IOException(file + " has no closing 'episode' line (the episode did not finish)");
        }
        return new Trajectory(task, seed, agent, steps, end.path("answer").asText(""), end.path("final_url").asText(""),
                end.path("final_screenshot").asText(""), end.path("stop_reason").asText(""),
                end.path("instruction").asText(task.instruction()));
    }

    private static Step step(JsonNode n) {
        String text = n.path("action").asText("");
        Action action = ActionGrammar.browserGym().parse(text);
        return new Step(n.path("index").asInt(), n.path("observation").path("url").asText(""),
                n.path("observation").path("title").asText(""), "", action, n.path("error").asText(""),
                n.path("screenshot").asText(""), n.path("agent_ms").asLong(), n.path("act_ms").asLong(),
                n.path("observe_ms").asLong(), n.path("reasoning").asText(""));
    }
}
