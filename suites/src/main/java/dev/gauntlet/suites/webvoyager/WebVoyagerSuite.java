package dev.gauntlet.suites.webvoyager;

import dev.gauntlet.api.Config;
import dev.gauntlet.api.ConfigException;
import dev.gauntlet.api.Setting;
import dev.gauntlet.api.Task;
import dev.gauntlet.browser.Origins;
import dev.gauntlet.suite.Suite;
import dev.gauntlet.suite.SuiteContext;
import dev.gauntlet.suite.TaskSet;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * WebVoyager: tasks on live websites, scored by its judge ({@code webvoyager}) since no oracle can read a live site.
 * With {@code webvoyager.tasks} unset, a built-in offline sample in the same format runs against three sites written
 * for Gauntlet (recipes, a dictionary, a paper archive); its episodes are also checked against their reference answers
 * so CI can score them without a model.
 */
public final class WebVoyagerSuite implements Suite {

    /** Whether tasks whose dates have passed run. */
    public enum StaleDates { SKIP, RUN }

    /** WebVoyager's task file (JSON lines). */
    public static final Setting<String> TASKS = Setting.text("webvoyager.tasks", "",
            "WebVoyager's task file `WebVoyager_data.jsonl` (fields web_name, id, ques, web)");
    /** WebVoyager's reference answers. */
    public static final Setting<String> ANSWERS = Setting.text("webvoyager.answers", "",
            "WebVoyager's reference answers file (golden / possible), for the answer: tags");
    /** Tasks whose dates have passed. */
    public static final Setting<StaleDates> STALE_DATES = Setting.choice("webvoyager.staleDates", "skip",
            StaleDates.class, "`skip` the Booking and Google Flights tasks, whose dates have passed, or `run` them");
    /** Hosts a task's browser may reach besides its site. */
    public static final Setting<String> HOSTS = Setting.text("webvoyager.hosts", "",
            "hosts the browser may reach besides the task's site and its sub-domains (comma-separated, `*.example.com` "
                    + "patterns), or `*` for any");

    /** Whether the manifest records the public address. */
    public static final Setting<Boolean> PUBLIC_IP = Setting.bool("webvoyager.publicIp", "false",
            "record the public IP address sites see in the manifest's region hints (asked from "
                    + "`webvoyager.publicIpUrl` once per run); off: the manifest says it was not recorded");
    /** The service that echoes the public address. */
    public static final Setting<String> PUBLIC_IP_URL = Setting.text("webvoyager.publicIpUrl", "https://api.ipify.org",
            "a service answering the caller's IP address as plain text, asked from the browser when "
                    + "`webvoyager.publicIp` is true");

    /** Sites whose tasks name dates that have passed (WebVoyager's flights and hotel bookings). */
    static final Set<String> STALE_SITES = Set.of("Booking", "Google Flights");

    /** WebVoyager's step limit (the script's 15 iterations). */
    static final int MAX_STEPS = 15;

    @Override
    public String name() {
        return "webvoyager";
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(TASKS, ANSWERS, STALE_DATES, HOSTS, PUBLIC_IP, PUBLIC_IP_URL);
    }

    @Override
    public int defaultMaxSteps() {
        return MAX_STEPS;
    }

    @Override
    public String defaultSeeds() {
        return "1";
    }

    @Override
    public TaskSet open(SuiteContext context) throws Exception {
        Config config = context.config();
        String file = TASKS.read(config);
        List<String> extraHosts = split(HOSTS.read(config));
        boolean runStale = STALE_DATES.read(config) == StaleDates.RUN;
        if (file == null) {
            return sample(context, extraHosts);
        }
        Path path = existing(TASKS.key(), file);
        List<LiveTask> tasks;
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            tasks = LiveTaskFiles.webVoyager(in, path.toString(), context::problem);
        }
        Map<String, ReferenceAnswer> answers = Map.of();
        String answersFile = ANSWERS.read(config);
        if (answersFile != null) {
            Path a = existing(ANSWERS.key(), answersFile);
            answers = LiveTaskFiles.answers(LiveTaskFiles.JSON.readTree(a.toFile()), a.toString(), context::problem);
        }
        List<Task> out = new ArrayList<>();
        Map<String, LiveTask> byId = new HashMap<>();
        Map<String, String> skipped = new HashMap<>();
        Map<String, AnswerCheck> checks = new HashMap<>();
        for (LiveTask t : tasks) {
            if (byId.putIfAbsent(t.id(), t) != null) {
                context.problem(t.line(), "duplicate id '" + t.id() + "'; the first one is kept");
                continue;
            }
            Set<String> tags = new LinkedHashSet<>(List.of("site:" + tag(t.site())));
            ReferenceAnswer ref = answers.get(t.id());
            if (ref != null) {
                tags.add("answer:" + ref.type().name().toLowerCase(Locale.ROOT));
                if (ref.type() == ReferenceAnswer.Type.GOLDEN) {
                    checks.put(t.id(), new AnswerCheck(ref));
                }
            }
            if (STALE_SITES.contains(t.site())) {
                tags.add("stale-dates");
                if (!runStale) {
                    skipped.put(t.id(), "the dates of " + t.site() + " tasks have passed; set "
                            + STALE_DATES.key() + "=run to run them anyway");
                }
            }
            out.add(new Task(name(), t.id(), t.question(), List.of(t.startUrl()), tags, null,
                    LiveTaskFiles.hostsOrAll(t.startUrl(), extraHosts), 0,
                    ref == null ? Map.of() : Map.of("reference_answer", ref.answer())));
        }
        return new LiveWebTasks(out, byId, skipped, null, List.of("webvoyager"), path.toAbsolutePath().toString(),
                region(config, PUBLIC_IP, PUBLIC_IP_URL)).checkingAnswers(checks);
    }

    /** The built-in sample: our own tasks in WebVoyager's format against the built-in sites. */
    private TaskSet sample(SuiteContext context, List<String> extraHosts) throws Exception {
        SampleSites sites = new SampleSites();
        try {
            String text;
            try (InputStream raw = WebVoyagerSuite.class.getResourceAsStream("sample/tasks.jsonl")) {
                text = new String(raw.readAllBytes(), StandardCharsets.UTF_8);
            }
            // the sample names its sites by placeholders (__RECIPES__/...): the local sites' addresses replace them
            for (Map.Entry<String, String> site : sites.urls().entrySet()) {
                text = text.replace(site.getKey(), site.getValue());
            }
            List<LiveTask> tasks = LiveTaskFiles.webVoyager(new BufferedReader(new StringReader(text)),
                    "built-in sample/tasks.jsonl", context::problem);
            Map<String, ReferenceAnswer> answers;
            try (InputStream raw = WebVoyagerSuite.class.getResourceAsStream("sample/answers.json")) {
                answers = LiveTaskFiles.answers(LiveTaskFiles.JSON.readTree(raw), "built-in sample/answers.json",
                        context::problem);
            }
            List<Task> out = new ArrayList<>();
            Map<String, LiveTask> byId = new HashMap<>();
            Set<String> sampleOrigins = Origins.with(Set.of(), sites.urls().values().toArray(String[]::new));
            for (LiveTask t : tasks) {
                String url = t.startUrl();
                byId.put(t.id(), t);
                ReferenceAnswer ref = answers.get(t.id());
                Set<String> tags = new LinkedHashSet<>(List.of("site:" + tag(t.site()), "source:builtin"));
                if (ref != null) {
                    tags.add("answer:" + ref.type().name().toLowerCase(Locale.ROOT));
                }
                out.add(new Task(name(), t.id(), t.question(), List.of(url), tags,
                        ref == null ? null : new AnswerCheck(ref), sampleOrigins, 0, Map.of()));
            }
            return new LiveWebTasks(out, byId, Map.of(), sites, List.of(),
                    "built-in sample (" + out.size() + " tasks on 3 built-in sites)",
                    region(context.config(), PUBLIC_IP, PUBLIC_IP_URL));
        } catch (Exception | Error e) {
            sites.close();
            throw e;
        }
    }

    /** How a suite's region hints are read, from its two keys. */
    static LiveWebTasks.Region region(Config config, Setting<Boolean> allow, Setting<String> url) {
        return new LiveWebTasks.Region(config, allow.key(), allow.read(config) ? url.read(config) : null);
    }

    static Path existing(String key, String file) {
        Path p = Path.of(file);
        if (!Files.isRegularFile(p)) {
            throw new ConfigException("'" + key + "' names " + p.toAbsolutePath() + ", which is not a file");
        }
        return p;
    }

    static String tag(String site) {
        return site.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-");
    }

    static List<String> split(String text) {
        return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .toList();
    }
}
