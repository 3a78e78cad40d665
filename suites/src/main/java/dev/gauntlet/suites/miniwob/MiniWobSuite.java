package dev.gauntlet.suites.miniwob;

import com.microsoft.playwright.Browser;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.ConfigException;
import dev.gauntlet.api.Constants;
import dev.gauntlet.api.Episode;
import dev.gauntlet.api.EpisodeContext;
import dev.gauntlet.api.OracleSpec;
import dev.gauntlet.api.Suite;
import dev.gauntlet.api.SuiteContext;
import dev.gauntlet.api.Task;
import dev.gauntlet.site.SiteServer;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * MiniWoB: one page per task speaking the MiniWoB++ protocol, seeded with {@code Math.seedrandom}, scored by the
 * reward the page computes. Runs the built-in pages by default, or an upstream checkout/server when configured.
 */
public final class MiniWobSuite implements Suite {

    static final String ORACLE = "miniwob-reward";
    private static final Set<String> MODES = Set.of("binary", "raw", "time");

    private MiniWobSource source;
    private SiteServer server;
    private String base;

    @Override
    public String name() {
        return "miniwob";
    }

    @Override
    public int defaultMaxSteps() {
        return Integer.parseInt(Constants.MINIWOB_MAX_STEPS_DEFAULT);
    }

    @Override
    public synchronized List<Task> discover(SuiteContext context) throws Exception {
        Config config = context.config();
        String mode = rewardMode(config);
        source = MiniWobSource.resolve(config);
        Set<String> hosts = new HashSet<>(Set.of("127.0.0.1", "localhost"));
        if (source.kind == MiniWobSource.Kind.URL) {
            String host = URI.create(source.location).getHost();
            if (host != null) {
                hosts.add(host);
            }
        }
        List<Task> tasks = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : source.tasks.entrySet()) {
            List<String> tags = new ArrayList<>(e.getValue());
            tags.add("reward:" + mode);
            tasks.add(new Task(name(), e.getKey(), "", List.of(), Set.copyOf(tags),
                    new OracleSpec(ORACLE, Map.of("reward", mode)), hosts, 0, Map.of("page", "miniwob/" + e.getKey() + ".html")));
        }
        return tasks;
    }

    @Override
    public String source(SuiteContext context) {
        return source == null ? "built-in" : source.description;
    }

    @Override
    public Episode start(Task task, long seed, EpisodeContext context) throws Exception {
        String url = baseUrl() + task.metadata().get("page");
        return MiniWobEpisode.start(task, seed, url, timer(context.config()), context.browser());
    }

    /** Starts the page server on first use (the URL source needs none). */
    private synchronized String baseUrl() {
        if (base == null) {
            if (source.kind == MiniWobSource.Kind.URL) {
                base = source.location;
            } else {
                server = SiteServer.start();
                if (source.kind == MiniWobSource.Kind.DIRECTORY) {
                    server.mountDirectory("/miniwob-html", Path.of(source.location));
                } else {
                    server.mountClasspath("/miniwob-html", MiniWobSource.RESOURCES, MiniWobSuite.class.getClassLoader());
                }
                base = server.url("/miniwob-html/");
            }
        }
        return base;
    }

    static String rewardMode(Config config) {
        String mode = config.get(Constants.MINIWOB_REWARD, Constants.MINIWOB_REWARD_DEFAULT).toLowerCase(Locale.ROOT);
        if (!MODES.contains(mode)) {
            throw new ConfigException(Constants.MINIWOB_REWARD, mode, "one of binary, raw, time");
        }
        return mode;
    }

    /** Returns the episode time limit to set in ms, or null to keep the page's own. */
    static Long timer(Config config) {
        String timer = config.get(Constants.MINIWOB_TIMER, Constants.MINIWOB_TIMER_DEFAULT).toLowerCase(Locale.ROOT);
        return switch (timer) {
            case "page" -> null;
            case "off" -> MiniWobEpisode.TIMER_OFF;
            case "auto" -> rewardMode(config).equals("time") ? null : MiniWobEpisode.TIMER_OFF;
            default -> {
                try {
                    yield Long.parseLong(timer);
                } catch (NumberFormatException e) {
                    throw new ConfigException(Constants.MINIWOB_TIMER, timer, "auto, page, off or milliseconds");
                }
            }
        };
    }

    /** Viewport of MiniWoB episodes: the 160 x 210 task with a margin. */
    static Browser.NewContextOptions contextOptions() {
        return new Browser.NewContextOptions().setViewportSize(300, 260);
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
