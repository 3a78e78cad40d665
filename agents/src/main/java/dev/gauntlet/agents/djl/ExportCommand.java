package dev.gauntlet.agents.djl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.api.Action;
import dev.gauntlet.api.ActionGrammar;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.Settings;
import dev.gauntlet.api.Task;
import dev.gauntlet.browser.BrowserSession;
import dev.gauntlet.suite.Suite;
import dev.gauntlet.suite.SuiteContext;
import dev.gauntlet.suite.TaskSet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code export}: gold demonstrations of a built-in suite's tasks for a seed range, and finished runs' episodes
 * (their recorded actions played again on the same seeded task, since a run folder keeps only a digest of each
 * observation), as dataset JSON lines.
 */
final class ExportCommand {

    /**
     * What to export.
     *
     * @param out      the dataset file to write
     * @param suite    the suite whose tasks are played
     * @param tasks    task-id globs ({@code click-*}); empty: all
     * @param seeds    seeds of the gold demonstrations; empty: none
     * @param runs     run folders whose episodes of {@code suite} are exported
     * @param maxSteps the step limit per episode
     * @param tags     task tags ({@code split:test_task}); a task is kept when it has one of them; empty: all
     */
    record Options(Path out, String suite, List<String> tasks, List<Long> seeds, List<Path> runs, int maxSteps,
                   List<String> tags) {
        Options(Path out, String suite, List<String> tasks, List<Long> seeds, List<Path> runs, int maxSteps) {
            this(out, suite, tasks, seeds, runs, maxSteps, List.of());
        }

        boolean selects(Task t) {
            return matches(tasks, t.id()) && (tags.isEmpty() || tags.stream().anyMatch(t.tags()::contains));
        }
    }

    /** What was written. */
    record Summary(int episodes, int steps, int successes, int skipped) {}

    private final Config config;
    private final PrintStream log;

    ExportCommand(Config config, PrintStream log) {
        this.config = config;
        this.log = log;
    }

    Summary run(Options o) throws Exception {
        Suite suite = findSuite(o.suite());
        List<String> errors = Settings.validate(config, suite.settings());
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
        for (Path run : o.runs()) {
            if (!Files.isDirectory(run.resolve("trajectories"))) {
                throw new IllegalArgumentException("run folder " + run + " has no trajectories/ folder");
            }
        }
        int[] counts = new int[4];
        Path scratch = Files.createTempDirectory("gauntlet-export");
        try (TaskSet set = suite.open(context());
             BrowserSession browser = new BrowserSession(config);
             DatasetFile.Writer writer = new DatasetFile.Writer(o.out())) {
            EpisodeRecorder recorder = new EpisodeRecorder(set, config, browser, scratch);
            Consumer<Dataset.Episode> sink = e -> {
                writer.accept(e);
                counts[0]++;
                counts[1] += e.steps().size();
                counts[2] += e.success() ? 1 : 0;
            };
            Map<String, Task> byId = new TreeMap<>();
            set.tasks().forEach(t -> byId.put(t.id(), t));
            List<Task> selected = set.tasks().stream().filter(o::selects).toList();
            for (Task task : selected) {
                for (long seed : o.seeds()) {
                    sink.accept(recorder.gold(task, seed, o.maxSteps()));
                }
            }
            for (Path run : o.runs()) {
                counts[3] += exportRun(run, o, byId, recorder, sink);
            }
        }
        Summary s = new Summary(counts[0], counts[1], counts[2], counts[3]);
        log.printf("export: %d episodes (%d successful), %d steps -> %s%s%n", s.episodes(), s.successes(), s.steps(),
                o.out(), s.skipped() > 0 ? "; " + s.skipped() + " run episodes skipped (broken, skipped or another suite)"
                        : "");
        return s;
    }

    /** Plays each episode of the run again from its recorded actions; returns how many it could not export. */
    private int exportRun(Path run, Options o, Map<String, Task> byId, EpisodeRecorder recorder,
                          Consumer<Dataset.Episode> sink) throws Exception {
        int skipped = 0;
        List<Path> files;
        try (Stream<Path> s = Files.list(run.resolve("trajectories"))) {
            files = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        for (Path file : files) {
            RecordedEpisode r = RecordedEpisode.read(file);
            Task task = byId.get(r.task());
            if (task == null || !r.suite().equals(o.suite()) || r.outcome().isEmpty() || !o.selects(task)) {
                skipped++;
                continue;
            }
            Dataset.Episode replayed = recorder.play(task, r.seed(), r.actions(),
                    "run:" + run.toAbsolutePath().normalize().getFileName(), r.agent(), r.actions().size());
            // the run's own verdict is the label: the replay reproduces its observations, not its timing
            sink.accept(new Dataset.Episode(replayed.schema(), replayed.suite(), replayed.task(), replayed.seed(),
                    replayed.source(), replayed.agent(), replayed.instruction(), replayed.steps(), r.outcome(),
                    r.reward(), replayed.finalText(), r.answer()));
        }
        return skipped;
    }

    /** A run's episode as its trajectory file records it. */
    record RecordedEpisode(String suite, String task, long seed, String agent, List<Action> actions, String outcome,
                           double reward, String answer) {

        static RecordedEpisode read(Path file) throws IOException {
            List<Action> actions = new ArrayList<>();
            String suite = "";
            String task = "";
            String agent = "";
            String outcome = "";
            String answer = "";
            long seed = 0;
            double reward = 0;
            boolean oracleSeen = false;
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode n = DatasetFile.JSON.readTree(line);
                    switch (n.path("type").asText()) {
                        case "step" -> actions.add(ActionGrammar.browserGym().parse(n.path("action").asText()));
                        case "verdict" -> {
                            if (!oracleSeen) { // the oracle's verdict is written first, judges' after it
                                oracleSeen = true;
                                JsonNode r = n.path("evidence").path("reward");
                                reward = r.isNumber() ? r.asDouble() : n.path("score").asDouble(0);
                            }
                        }
                        case "episode" -> {
                            suite = n.path("suite").asText();
                            task = n.path("task").asText();
                            seed = n.path("seed").asLong();
                            agent = n.path("agent").asText();
                            answer = n.path("answer").asText("");
                            String status = n.path("status").asText();
                            outcome = status.equals("passed") ? "success" : status.equals("failed") ? "failure" : "";
                        }
                        default -> { }
                    }
                }
            }
            return new RecordedEpisode(suite, task, seed, agent, actions, outcome, reward, answer);
        }
    }

    static boolean matches(List<String> globs, String id) {
        if (globs.isEmpty()) {
            return true;
        }
        for (String g : globs) {
            String regex = Pattern.quote(g).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
            if (id.matches(regex)) {
                return true;
            }
        }
        return false;
    }

    private Suite findSuite(String name) {
        List<String> names = new ArrayList<>();
        for (Suite s : ServiceLoader.load(Suite.class)) {
            if (s.name().equals(name)) {
                return s;
            }
            names.add(s.name());
        }
        throw new IllegalArgumentException("option --suite is '" + name + "' but must be one of " + names);
    }

    private SuiteContext context() {
        return new SuiteContext() {
            @Override
            public Config config() {
                return config;
            }

            @Override
            public void problem(String where, String message) {
                log.println("export: " + where + ": " + message);
            }
        };
    }
}
