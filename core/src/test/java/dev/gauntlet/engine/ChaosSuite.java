package dev.gauntlet.engine;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import dev.gauntlet.api.Action;
import dev.gauntlet.api.Episode;
import dev.gauntlet.api.Task;
import dev.gauntlet.browser.BrowserEpisode;
import dev.gauntlet.browser.Origins;
import dev.gauntlet.site.SiteServer;
import dev.gauntlet.suite.EpisodeContext;
import dev.gauntlet.suite.Suite;
import dev.gauntlet.suite.SuiteContext;
import dev.gauntlet.suite.TaskSet;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A one-button suite served from a real loopback site, for chaos tests: {@code chaos.kill=P} kills the worker's
 * Chromium process (SIGKILL, as the OOM killer would) in the first step of about P% of episode attempts, chosen by a
 * fixed hash of seed and attempt; {@code chaos.site=500|hang} makes the site answer HTTP 500, or never answer, for
 * every seed with {@code seed % 4 == 1}.
 */
public final class ChaosSuite implements Suite {

    /** Episode attempts whose browser was killed, as "seed#attempt". */
    static final List<String> KILLED = new CopyOnWriteArrayList<>();
    private static final Map<Long, Integer> ATTEMPTS = new ConcurrentHashMap<>();

    /** Forgets the attempts and kills of earlier runs. */
    static void reset() {
        KILLED.clear();
        ATTEMPTS.clear();
    }

    /** Whether attempt {@code attempt} of {@code seed} is one of the {@code percent}% whose browser is killed. */
    static boolean killed(long seed, int attempt, int percent) {
        long h = (seed * 0x9E3779B97F4A7C15L) ^ (attempt * 0xC2B2AE3D27D4EB4FL);
        h ^= h >>> 31;
        h *= 0x94D049BB133111EBL;
        h ^= h >>> 29;
        return Math.floorMod(h, 100) < percent;
    }

    @Override
    public String name() {
        return "chaos";
    }

    @Override
    public int defaultMaxSteps() {
        return 3;
    }

    @Override
    public TaskSet open(SuiteContext context) {
        int kill = Integer.parseInt(context.config().get("chaos.kill").orElse("0"));
        String site = context.config().get("chaos.site").orElse("none");
        SiteServer server = SiteServer.start().mount("/page", exchange -> {
            long seed = Long.parseLong(exchange.getRequestURI().getQuery().substring("seed=".length()));
            if (seed % 4 == 1 && site.equals("500")) {
                SiteServer.html(exchange, 500, "<h1>Internal Server Error</h1>");
            } else if (seed % 4 == 1 && site.equals("hang")) {
                try {
                    Thread.sleep(60_000); // a site that never answers (until the test ends)
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                SiteServer.html(exchange, 200, "<title>Chaos</title><button data-gid=\"1\" "
                        + "onclick=\"this.textContent='pressed'\">Press</button>");
            }
        });
        Task task = new Task(name(), "press", "Press the button.", List.of(), Set.of(), new CounterOracle(1),
                Set.of(server.origin()), 0, Map.of());
        return new TaskSet() {
            @Override
            public List<Task> tasks() {
                return List.of(task);
            }

            @Override
            public Episode start(Task t, long seed, EpisodeContext c) throws Exception {
                return ChaosSuite.start(t, seed, c, server, kill);
            }

            @Override
            public String source() {
                return "chaos site " + server.origin();
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }

    private static Episode start(Task task, long seed, EpisodeContext context, SiteServer server, int kill)
            throws Exception {
        int attempt = ATTEMPTS.merge(seed, 1, Integer::sum);
        BrowserContext browserContext = context.browser().newContext(null,
                Origins.with(task.allowedHosts(), server.origin()));
        Page page = browserContext.newPage();
        Response response = page.navigate(server.url("/page?seed=" + seed));
        if (response != null && response.status() >= 400) {
            browserContext.close();
            throw new IllegalStateException("the chaos site answered HTTP " + response.status());
        }
        return new BrowserEpisode(task, seed, browserContext, page, true) {
            @Override
            public String act(Action action) throws Exception {
                if (killed(seed, attempt, kill)) {
                    KILLED.add(seed + "#" + attempt);
                    killChromium();
                }
                return super.act(action);
            }

            @Override
            public boolean done() {
                return false;
            }
        };
    }

    /** Kills this JVM's Chromium browser process (the one Playwright drives through a pipe), as SIGKILL does. */
    private static void killChromium() {
        List<ProcessHandle> browsers = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains("--remote-debugging-pipe")
                        && !c.contains("--type=")).orElse(false))
                .toList();
        if (browsers.isEmpty()) {
            throw new IllegalStateException("no Chromium browser process under this JVM to kill");
        }
        for (ProcessHandle browser : browsers) { // one with a single worker: the tests run one
            browser.destroyForcibly();
            browser.onExit().join();
        }
    }
}
