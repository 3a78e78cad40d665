package dev.gauntlet.reports.judgeeval;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * AgentRewardBench's cleaned trajectories ({@code trajectories/cleaned/<benchmark>/<agent>/<experiment>/<task>.json})
 * as its judge script ({@code scripts/run_judge.py}) reads them: every {@code .json} under the folder (or the one
 * file), the task id its file name ({@code webarena.177}, as {@code annotations.csv} names it), trajectories with
 * {@code "valid": false} skipped; {@code goal}, {@code agent} (the label's {@code model_name}), {@code seed} and
 * {@code steps}, each with {@code url}, {@code action} (BrowserGym's text, kept verbatim; {@code null} on the final
 * observation, shown as Python prints it, {@code None}), {@code reasoning}, {@code last_action_error},
 * {@code screenshot_path} ({@code "None"} when the step had none; a relative path is looked up from the file's folder
 * and each folder above it, as the published layout keeps {@code trajectories/screenshots/} beside
 * {@code trajectories/cleaned/}) and {@code axtree} (the last step's is what the judge reads). The answer is the text
 * of the last {@code send_msg_to_user} action. The benchmark's own outcome is {@code summary_info.cum_reward}, a
 * success above 0.5 as the scoring script reads it.
 */
final class AgentRewardBenchImport {

    private AgentRewardBenchImport() {}

    static List<ImportedEpisode> read(Path source) throws IOException {
        List<Path> files;
        if (Files.isRegularFile(source)) {
            files = List.of(source);
        } else if (Files.isDirectory(source)) {
            try (Stream<Path> s = Files.walk(source)) {
                files = s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                        .sorted().toList();
            }
        } else {
            throw new IllegalArgumentException(source + ": missing (an AgentRewardBench trajectory .json or a folder "
                    + "of them)");
        }
        List<ImportedEpisode> out = new ArrayList<>();
        for (Path f : files) {
            JsonNode n = ImportedJson.object(f);
            JsonNode valid = n.get("valid");
            if (valid != null && !valid.isBoolean()) {
                throw new IllegalArgumentException(f + ": field 'valid' is " + ImportedJson.kind(valid)
                        + ", not true or false");
            }
            if (valid != null && !valid.asBoolean()) {
                continue; // the judge script skips trajectories that are not valid
            }
            out.add(episode(f, n));
        }
        return out;
    }

    private static ImportedEpisode episode(Path file, JsonNode n) {
        String name = file.getFileName().toString();
        String id = name.substring(0, name.length() - ".json".length());
        String goal = ImportedJson.required(n, "goal", file, "");
        String agent = ImportedJson.required(n, "agent", file, "");
        String benchmark = ImportedJson.optional(n, "benchmark", file, "");
        JsonNode seedNode = n.get("seed");
        if (seedNode != null && !seedNode.isNull() && !seedNode.canConvertToLong()) {
            throw new IllegalArgumentException(file + ": field 'seed' is " + ImportedJson.kind(seedNode)
                    + ", not a whole number");
        }
        long seed = seedNode == null || seedNode.isNull() ? 0 : seedNode.asLong();
        JsonNode list = ImportedJson.list(n, "steps", file, true);
        List<Step> steps = new ArrayList<>();
        String answer = "";
        for (int i = 0; i < list.size(); i++) {
            JsonNode s = list.get(i);
            String where = "steps[" + i + "] ";
            if (!s.isObject()) {
                throw new IllegalArgumentException(file + ": steps[" + i + "] is " + ImportedJson.kind(s)
                        + ", not a step object");
            }
            String action = s.path("action").isNull() || s.get("action") == null ? "None"
                    : ImportedJson.required(s, "action", file, where);
            if (ActionGrammar.browserGym().parse(action) instanceof Action.Answer a) {
                answer = a.text();
            }
            String axtree = ImportedJson.optional(s, "axtree", file, where);
            if (axtree.isEmpty()) {
                axtree = ImportedJson.optional(s, "axtree_pruned", file, where);
            }
            steps.add(new Step(i, ImportedJson.optional(s, "url", file, where), "", axtree,
                    new Action.Native("browsergym", action), ImportedJson.optional(s, "last_action_error", file, where),
                    screenshot(file, ImportedJson.optional(s, "screenshot_path", file, where), where), 0, 0, 0,
                    ImportedJson.optional(s, "reasoning", file, where)));
        }
        String suite = benchmark.isEmpty() ? id.split("\\.", 2)[0] : benchmark;
        Task task = new Task(suite, id, goal, List.of(), Set.of(), null, Set.of(), 0, Map.of());
        String finalUrl = steps.isEmpty() ? "" : steps.get(steps.size() - 1).url();
        Trajectory t = new Trajectory(task, seed, agent, steps, answer, finalUrl, "",
                answer.isEmpty() ? "done" : "answer", goal);
        return new ImportedEpisode(t, oracle(file, n));
    }

    private static String oracle(Path file, JsonNode n) {
        JsonNode reward = n.path("summary_info").get("cum_reward");
        if (reward == null || reward.isNull()) {
            return "";
        }
        if (!reward.isNumber()) {
            throw new IllegalArgumentException(file + ": field 'summary_info.cum_reward' is "
                    + ImportedJson.kind(reward) + ", not a number");
        }
        return reward.asDouble() > 0.5 ? "success" : "failure";
    }

    private static String screenshot(Path file, String path, String where) {
        if (path.isEmpty() || path.equals("None")) {
            return "";
        }
        Path p;
        try {
            p = Path.of(path);
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException(file + ": " + where + "field 'screenshot_path' is not a path: "
                    + e.getMessage());
        }
        if (p.isAbsolute()) {
            if (Files.isRegularFile(p)) {
                return p.toString();
            }
        } else {
            for (Path dir = file.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve(p))) {
                    return dir.resolve(p).normalize().toString();
                }
            }
        }
        throw new IllegalArgumentException(file + ": " + where + "field 'screenshot_path' names " + path
                + ", which is missing (looked up from the file's folder and each folder above it)");
    }
}
