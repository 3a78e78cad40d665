package dev.gauntlet.suites.mind2web;

import dev.gauntlet.api.ConfigException;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.EnvironmentUnavailableException;
import dev.gauntlet.api.Episode;
import dev.gauntlet.api.Setting;
import dev.gauntlet.api.Task;
import dev.gauntlet.suite.EpisodeContext;
import dev.gauntlet.suite.Suite;
import dev.gauntlet.suite.SuiteContext;
import dev.gauntlet.suite.BasicTaskSet;
import dev.gauntlet.suite.TaskSet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Mind2Web: the offline dataset, one teacher-forced episode per task, scored with MindAct's metrics. Reads the
 * dataset from {@code -Dmind2web.data=} (a folder in the download's layout, or single files) or, unset, the built-in
 * sample. A task runs once: its episode does not depend on the seed beyond the candidates' order.
 */
public final class Mind2WebSuite implements Suite {

    /** The dataset: a folder of {@code train/}, {@code test_task/}, {@code test_website/}, {@code test_domain/}, or a file. */
    public static final Setting<String> DATA = Setting.text("mind2web.data", "",
            "the Mind2Web dataset: a folder holding `train/`, `test_task/`, `test_website/`, `test_domain/` JSON files, "
                    + "or one JSON file; unset: the built-in sample");
    /** The split of files whose name does not say one. */
    public static final Setting<Split> SPLIT = Setting.choice("mind2web.split", "", Split.class,
            "the split of data files whose file or folder name does not say one: `train`, `test_task`, "
                    + "`test_website` or `test_domain` (unset: such files are tagged `split:unknown`)");
    /** MindAct's candidate ranking. */
    public static final Setting<String> SCORES = Setting.text("mind2web.scores", "",
            "MindAct's candidate ranking: its `scores_all_data.pkl` (a `.pkl` file) or the same content as JSON; "
                    + "unset: every candidate is shown and counts");
    /** How many ranked candidates the agent sees and the metrics count. */
    public static final Setting<Integer> TOP_K = Setting.integer("mind2web.topK", "50", 1,
            "with `mind2web.scores`, the candidates ranked below this (rank < k) are shown and count; a step whose "
                    + "positives all rank lower scores 0");

    /** Render each step's raw HTML in Chromium, offline, for the observation's screenshot. */
    public static final Setting<Boolean> RENDER = Setting.bool("mind2web.render", "false",
            "render each step's raw HTML in Chromium with every request blocked and scripts off, as the observation's "
                    + "screenshot (VLM agents, the report's step screenshots); off: observations have no screenshot");

    static final String SAMPLE = "dev/gauntlet/suites/mind2web/sample/";
    static final List<String> SAMPLE_FILES = List.of("test_task/test_task_0.json", "test_website/test_website_0.json",
            "test_domain/test_domain_0.json");

    @Override
    public String name() {
        return "mind2web";
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(DATA, SPLIT, SCORES, TOP_K, RENDER);
    }

    @Override
    public String defaultSeeds() {
        return "1";
    }

    @Override
    public TaskSet open(SuiteContext context) throws Exception {
        Config config = context.config();
        Split fallback = SPLIT.read(config);
        int topK = TOP_K.read(config);
        String scores = SCORES.read(config);
        Ranking ranking = null;
        if (scores != null) {
            Path file = Path.of(scores);
            if (!Files.isRegularFile(file)) {
                throw new ConfigException("'" + SCORES.key() + "' is " + file + ", which is not a file");
            }
            String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
            ranking = lower.endsWith(".pkl") || lower.endsWith(".pickle") ? RankingPickle.read(file)
                    : Ranking.readJson(file);
        }
        String data = DATA.read(config);
        Path root;
        Path temporary = null;
        String description;
        if (data == null) {
            temporary = copySample();
            root = temporary;
            description = "built-in sample";
        } else {
            root = Path.of(data);
            if (!Files.exists(root)) {
                throw new EnvironmentUnavailableException("'" + DATA.key() + "' is " + root + ", which does not exist: "
                        + "download the dataset and point " + DATA.key() + " at its folder");
            }
            description = root.toAbsolutePath().toString();
        }
        List<Task> tasks = new ArrayList<>();
        Map<String, Mind2WebReader.Entry> entries = new HashMap<>();
        for (Path file : Mind2WebReader.files(root)) {
            String split = Split.of(file)
                    .or(() -> java.util.Optional.ofNullable(fallback)).map(Split::label).orElse("unknown");
            Ranking r = ranking;
            Mind2WebReader.scan(file, context::problem, entry -> {
                Mind2WebTask t = entry.task();
                if (entries.containsKey(t.annotationId())) {
                    context.problem(file + " annotation_id " + t.annotationId(), "appears twice; the first is kept");
                    return;
                }
                entries.put(t.annotationId(), entry);
                long unranked = r == null ? 0 : t.steps().stream().filter(s -> !r.ranks(t.annotationId(), s.actionUid()))
                        .count();
                if (unranked > 0) {
                    // MindAct would fail on such a ranking; here the steps run and score 0 (no positive in the top-k)
                    context.problem(file + " annotation_id " + t.annotationId(), SCORES.key() + " ranks " + (t.steps()
                            .size() - unranked) + " of its " + t.steps().size() + " steps; the others score 0");
                }
                tasks.add(task(t, split, new Mind2WebOracle(t, split, topK, r)));
            });
        }
        return new Opened(tasks, entries, temporary, RENDER.read(config), description + (ranking == null ? ""
                : ", ranking " + Path.of(scores).toAbsolutePath() + " (top " + topK + ")"));
    }

    private Task task(Mind2WebTask t, String split, Mind2WebOracle oracle) {
        Set<String> tags = new LinkedHashSet<>();
        tags.add("split:" + split);
        tags.add("website:" + tag(t.website()));
        tags.add("domain:" + tag(t.domain()));
        tags.add("subdomain:" + tag(t.subdomain()));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("annotation_id", t.annotationId());
        metadata.put("website", t.website());
        metadata.put("domain", t.domain());
        metadata.put("subdomain", t.subdomain());
        metadata.put("split", split);
        return new Task(name(), t.annotationId(), t.confirmedTask(), List.of(), tags, oracle, Set.of(),
                t.steps().size(), metadata);
    }

    /** A JUnit tag value: lower case, no blanks or the characters tag expressions use. */
    static String tag(String value) {
        String v = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return v.isEmpty() ? "none" : v;
    }

    private static Path copySample() throws IOException {
        Path dir = Files.createTempDirectory("gauntlet-mind2web-sample");
        for (String name : SAMPLE_FILES) {
            Path target = dir.resolve(name);
            Files.createDirectories(target.getParent());
            try (var in = Mind2WebSuite.class.getClassLoader().getResourceAsStream(SAMPLE + name)) {
                if (in == null) {
                    throw new IOException("the built-in sample lacks " + SAMPLE + name);
                }
                Files.copy(in, target);
            }
        }
        return dir;
    }

    /** The opened tasks; an episode reads its task back from its file. */
    private static final class Opened extends BasicTaskSet {
        private final Map<String, Mind2WebReader.Entry> entries;
        private final Path temporary;
        private final boolean render;

        Opened(List<Task> tasks, Map<String, Mind2WebReader.Entry> entries, Path temporary, boolean render,
               String description) {
            super(tasks, description);
            this.entries = Map.copyOf(entries);
            this.temporary = temporary;
            this.render = render;
        }

        @Override
        public Episode start(Task task, long seed, EpisodeContext context) throws Exception {
            Mind2WebTask full = Mind2WebReader.read(entries.get(task.id()));
            return new Mind2WebEpisode(full, (Mind2WebOracle) task.oracle(), seed,
                    render ? new StepRenderer(context.browser()) : null);
        }

        @Override
        public void close() throws IOException {
            if (temporary != null) {
                try (var files = Files.walk(temporary)) {
                    for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }
}
