package dev.gauntlet.suites.miniwob;

import com.microsoft.playwright.Browser;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.ConfigException;
import dev.gauntlet.api.Episode;
import dev.gauntlet.api.Setting;
import dev.gauntlet.api.Task;
import dev.gauntlet.site.SiteServer;
import dev.gauntlet.suite.EpisodeContext;
import dev.gauntlet.suite.Suite;
import dev.gauntlet.suite.SuiteContext;
import dev.gauntlet.suite.BasicTaskSet;
import dev.gauntlet.suite.TaskSet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * MiniWoB: one page per task speaking the MiniWoB++ protocol, seeded with {@code Math.seedrandom}, scored by the
 * reward the page computes. Runs the built-in pages by default, or an upstream checkout/server when configured.
 */
public final class MiniWobSuite implements Suite {

    /** An upstream MiniWoB++ {@code miniwob/html} folder (or the checkout root). */
    public static final Setting<String> DIR = Setting.text("miniwob.dir", "",
            "an upstream MiniWoB++ `miniwob/html` folder (or the checkout root)");
    /** A base URL serving an upstream {@code miniwob/html} folder with a directory listing. */
    public static final Setting<String> URL = Setting.text("miniwob.url", "",
            "base URL serving an upstream `miniwob/html` folder with a directory listing");
    /** How the page's reward becomes success. */
    public static final Setting<MiniWobOracle.RewardRule> REWARD = Setting.choice("miniwob.reward", "binary",
            MiniWobOracle.RewardRule.class, "`binary`: score +1 iff raw reward = 1.0, else -1 (the gym's binary reward); "
                    + "`raw`: 1 iff raw reward > 0 (BrowserGym's rule); `time`: the time-scaled reward, success iff > 0 "
                    + "(the gym's default); `thresholded`: +1 iff raw reward >= `miniwob.threshold`, else -1");
    /** The raw reward the {@code thresholded} rule needs. */
    public static final Setting<Double> THRESHOLD = Setting.decimal("miniwob.threshold", "1.0", -1, 1,
            "the raw reward at or above which `miniwob.reward=thresholded` scores +1 (the gym's threshold)");
    /** The episode timer: auto, page, off, or milliseconds. */
    public static final Setting<String> TIMER = Setting.text("miniwob.timer", "auto",
            "episode timer: `auto`, `page`, `off`, or milliseconds").checked(MiniWobSuite::timerError);
    /** Upstream mode: also run the five tasks that wait for events. */
    public static final Setting<Boolean> INCLUDE_WAITING = Setting.bool("miniwob.includeWaiting", "false",
            "also run the five tasks that wait for events");

    /** BrowserGym's step limit for MiniWoB. */
    static final int MAX_STEPS = 10;

    @Override
    public String name() {
        return "miniwob";
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(DIR, URL, REWARD, THRESHOLD, TIMER, INCLUDE_WAITING);
    }

    @Override
    public int defaultMaxSteps() {
        return MAX_STEPS;
    }

    @Override
    public TaskSet open(SuiteContext context) throws Exception {
        Config config = context.config();
        MiniWobOracle.RewardRule rule = REWARD.read(config);
        String mode = rule.name().toLowerCase(Locale.ROOT);
        MiniWobSource source = MiniWobSource.resolve(config);
        // the fence: the task page's own origin, added when the page server is there (MiniWobEpisode.start)
        Set<String> hosts = Set.of();
        MiniWobOracle oracle = new MiniWobOracle(rule, THRESHOLD.read(config));
        List<Task> tasks = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : source.tasks.entrySet()) {
            List<String> tags = new ArrayList<>(e.getValue());
            tags.add("reward:" + mode);
            tasks.add(new Task(name(), e.getKey(), "", List.of(), Set.copyOf(tags), oracle, hosts, 0,
                    Map.of("page", page(e.getKey()))));
        }
        return new MiniWobTasks(tasks, source, timer(config, rule));
    }

    /** The task's page, relative to the served {@code miniwob/html} folder. */
    static String page(String taskId) {
        return "miniwob/" + taskId + ".html";
    }

    /** The opened tasks: the page server starts with the first episode (the URL source needs none). */
    private static final class MiniWobTasks extends BasicTaskSet {
        private final MiniWobSource source;
        private final Long timer;
        private SiteServer server;
        private String base;

        MiniWobTasks(List<Task> tasks, MiniWobSource source, Long timer) {
            super(tasks, source.description);
            this.source = source;
            this.timer = timer;
        }

        @Override
        public Episode start(Task task, long seed, EpisodeContext context) throws Exception {
            return MiniWobEpisode.start(task, seed, baseUrl() + page(task.id()), timer, context.browser());
        }

        private synchronized String baseUrl() {
            if (base == null) {
                if (source.kind == MiniWobSource.Kind.URL) {
                    base = source.location;
                } else {
                    server = SiteServer.start();
                    if (source.kind == MiniWobSource.Kind.DIRECTORY) {
                        server.mountDirectory("/miniwob-html", Path.of(source.location));
                    } else {
                        server.mountClasspath("/miniwob-html", MiniWobSource.RESOURCES,
                                MiniWobSuite.class.getClassLoader());
                    }
                    base = server.url("/miniwob-html/");
                }
            }
            return base;
        }

        @Override
        public synchronized void close() {
            if (server != null) {
                server.close();
                server = null;
            }
            base = null;
        }
    }

    /** Returns the episode time limit to set in ms, or null to keep the page's own. */
    static Long timer(Config config, MiniWobOracle.RewardRule rule) {
        String timer = TIMER.read(config).toLowerCase(Locale.ROOT);
        return switch (timer) {
            case "page" -> null;
            case "off" -> MiniWobEpisode.TIMER_OFF;
            case "auto" -> rule == MiniWobOracle.RewardRule.TIME ? null : MiniWobEpisode.TIMER_OFF;
            default -> Long.parseLong(timer);
        };
    }

    private static String timerError(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        if (v.equals("auto") || v.equals("page") || v.equals("off")) {
            return null;
        }
        try {
            return Long.parseLong(v) >= 0 ? null : "auto, page, off or milliseconds";
        } catch (NumberFormatException e) {
            return "auto, page, off or milliseconds";
        }
    }

    /** Viewport of MiniWoB episodes: the 160 x 210 task with a margin. */
    static Browser.NewContextOptions contextOptions() {
        return new Browser.NewContextOptions().setViewportSize(300, 260);
    }
}
