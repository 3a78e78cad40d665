package dev.gauntlet.reports.judgeeval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.api.Action;
import dev.gauntlet.api.Step;
import dev.gauntlet.api.Task;
import dev.gauntlet.api.Trajectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Online-Mind2Web's result folders as its evaluation script ({@code src/run.py}) reads them: every folder of the
 * given one is a task, named by its task id, holding {@code result.json} with {@code task}. Version 1 has flat lists
 * ({@code action_history}, {@code thoughts}, {@code final_result_response}) and its screenshots are every file of
 * {@code trajectory/}, ordered by the first number in the name; version 2 ({@code "schema_version":
 * "online-mind2web-v2"}) has {@code action_history} as steps of {@code action}, {@code thought} and
 * {@code screenshot}, the last step's action dropped (the agent's output, not an action), and
 * {@code agent_final_answer}. Actions and screenshots are paired in order; a screenshot beyond the actions ends the
 * trajectory as its final screenshot (earlier extra ones become steps with an empty action).
 */
final class OnlineMind2WebImport {

    static final String SUITE = "online-mind2web";
    private static final String V2 = "online-mind2web-v2";
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private OnlineMind2WebImport() {}

    static List<ImportedEpisode> read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": not a folder of Online-Mind2Web task folders");
        }
        List<Path> tasks;
        try (Stream<Path> s = Files.list(dir)) {
            tasks = s.filter(Files::isDirectory).sorted().toList();
        }
        String agent = dir.toAbsolutePath().normalize().getFileName().toString();
        List<ImportedEpisode> out = new ArrayList<>();
        for (Path t : tasks) {
            out.add(new ImportedEpisode(task(t, agent), ""));
        }
        return out;
    }

    private static Trajectory task(Path folder, String agent) throws IOException {
        Path file = folder.resolve("result.json");
        JsonNode result = ImportedJson.object(file);
        String goal = ImportedJson.required(result, "task", file, "");
        Path images = folder.resolve("trajectory");
        List<String> actions = new ArrayList<>();
        List<String> thoughts = new ArrayList<>();
        List<Path> shots = new ArrayList<>();
        String answer;
        if (V2.equals(result.path("schema_version").asText())) {
            JsonNode steps = ImportedJson.list(result, "action_history", file, true);
            for (int i = 0; i < steps.size(); i++) {
                JsonNode s = steps.get(i);
                String where = "action_history[" + i + "] ";
                if (!s.isObject()) {
                    throw new IllegalArgumentException(file + ": action_history[" + i + "] is " + ImportedJson.kind(s)
                            + ", not a step object");
                }
                String action = ImportedJson.required(s, "action", file, where);
                if (i < steps.size() - 1) {
                    actions.add(action);
                }
                thoughts.add(ImportedJson.optional(s, "thought", file, where));
                shots.add(existing(images.resolve(ImportedJson.required(s, "screenshot", file, where)), file,
                        where + "field 'screenshot'"));
            }
            answer = ImportedJson.optional(result, "agent_final_answer", file, "");
        } else {
            actions.addAll(texts(result, "action_history", file));
            thoughts.addAll(texts(result, "thoughts", file));
            answer = ImportedJson.optional(result, "final_result_response", file, "");
            shots.addAll(listed(images));
        }
        return trajectory(folder.getFileName().toString(), goal, agent, actions, thoughts, shots, answer);
    }

    static Trajectory trajectory(String id, String goal, String agent, List<String> actions, List<String> thoughts,
                                 List<Path> shots, String answer) {
        Task task = new Task(SUITE, id, goal, List.of(), Set.of(), null, Set.of(), 0, Map.of());
        int n = Math.max(actions.size(), shots.size() - 1);
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String action = i < actions.size() ? actions.get(i) : "";
            String shot = i < shots.size() && i < n ? shots.get(i).toString() : "";
            steps.add(new Step(i, "", "", "", new Action.Native(SUITE, action), "", shot, 0, 0, 0,
                    i < thoughts.size() ? thoughts.get(i) : ""));
        }
        String last = shots.size() > n ? shots.get(shots.size() - 1).toString() : "";
        return new Trajectory(task, 0, agent, steps, answer, "", last, answer.isEmpty() ? "done" : "answer", goal);
    }

    private static List<String> texts(JsonNode result, String field, Path file) {
        List<String> out = new ArrayList<>();
        JsonNode list = ImportedJson.list(result, field, file, false);
        for (int i = 0; i < list.size(); i++) {
            JsonNode v = list.get(i);
            if (!v.isTextual() && !v.isNull()) {
                throw new IllegalArgumentException(file + ": " + field + "[" + i + "] is " + ImportedJson.kind(v)
                        + ", not a string");
            }
            out.add(v.isNull() ? "" : v.asText());
        }
        return out;
    }

    // every file of trajectory/, ordered by the first number in its name (the script's sort; a name without one
    // stops it), ties by name
    private static List<Path> listed(Path images) throws IOException {
        if (!Files.isDirectory(images)) {
            throw new IllegalArgumentException(images + ": missing (version 1 result folders keep their screenshots "
                    + "there)");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(images)) {
            files = s.sorted().toList();
        }
        for (Path f : files) {
            if (!NUMBER.matcher(f.getFileName().toString()).find()) {
                throw new IllegalArgumentException(f + ": a screenshot name must hold its step number");
            }
        }
        return files.stream().sorted(Comparator.comparingLong(OnlineMind2WebImport::firstNumber)).toList();
    }

    private static long firstNumber(Path f) {
        Matcher m = NUMBER.matcher(f.getFileName().toString());
        m.find();
        String digits = m.group();
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    private static Path existing(Path shot, Path file, String where) {
        if (!Files.isRegularFile(shot)) {
            throw new IllegalArgumentException(file + ": " + where + " names " + shot + ", which is missing");
        }
        return shot;
    }
}
