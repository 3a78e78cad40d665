package dev.gauntlet.suites.webvoyager;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.EnvironmentUnavailableException;
import dev.gauntlet.api.Episode;
import dev.gauntlet.api.Oracle;
import dev.gauntlet.api.RegionHints;
import dev.gauntlet.api.Task;
import dev.gauntlet.site.Reachability;
import dev.gauntlet.suite.AnswerChecks;
import dev.gauntlet.suite.BasicTaskSet;
import dev.gauntlet.suite.EpisodeContext;
import dev.gauntlet.suite.LiveSites;
import dev.gauntlet.suite.TaskSet;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The opened tasks of a live-web suite. Before a site's first episode its start page is requested once: a site that
 * does not answer (no network, DNS failure, a server error) skips all its episodes at once with the reason, instead
 * of each running into timeouts. Tasks the suite marks stale are skipped with their reason.
 */
final class LiveWebTasks extends BasicTaskSet implements LiveSites, AnswerChecks {

    private final Map<String, LiveTask> byId;
    private final Map<String, String> skipped;
    private final SampleSites sample;
    private final List<String> judges;
    private final Map<String, String> reachability = new ConcurrentHashMap<>();
    private final Region region;
    private Map<String, AnswerCheck> answerChecks = Map.of();

    /**
     * How the region hints are read.
     *
     * @param config   the run's configuration (the browser keys)
     * @param allowKey the key that allows recording the public address
     * @param ipUrl    the service that echoes the address, or null when not allowed
     */
    record Region(Config config, String allowKey, String ipUrl) {}

    /**
     * @param skipped task id → why it is skipped (stale dates)
     * @param sample  the built-in sites when the tasks are the built-in sample (never checked for reachability)
     */
    LiveWebTasks(List<Task> tasks, Map<String, LiveTask> byId, Map<String, String> skipped, SampleSites sample,
                 List<String> judges, String source, Region region) {
        super(tasks, source);
        this.region = region;
        this.byId = Map.copyOf(byId);
        this.skipped = Map.copyOf(skipped);
        this.sample = sample;
        this.judges = List.copyOf(judges);
    }

    @Override
    public List<String> defaultJudges() {
        return judges;
    }

    @Override
    public Episode start(Task task, long seed, EpisodeContext context) throws Exception {
        String why = skipped.get(task.id());
        if (why != null) {
            throw new EnvironmentUnavailableException(why);
        }
        String url = task.startUrls().get(0);
        LiveTask live = byId.get(task.id());
        if (sample == null) {
            String problem = reachability.computeIfAbsent(origin(url), o -> Reachability.problem(url));
            if (!problem.isEmpty()) {
                throw new EnvironmentUnavailableException("site " + live.site() + " (" + origin(url)
                        + ") does not answer: " + problem + "; live-web tasks need the internet");
            }
        }
        BrowserContext browser = context.browser().newContext(contextOptions(), task.allowedHosts());
        try {
            Page page = browser.newPage();
            com.microsoft.playwright.Response first = page.navigate(url);
            return new LiveWebEpisode(task, seed, browser, page, live.gold(), first == null ? 0 : first.status());
        } catch (RuntimeException e) {
            browser.close();
            throw e;
        }
    }

    /** The episodes' browser context: WebVoyager's 1024×768 window. */
    static Browser.NewContextOptions contextOptions() {
        return new Browser.NewContextOptions().setViewportSize(1024, 768);
    }

    /**
     * Checks the answers of these tasks against their golden reference answers, apart from the score (live tasks,
     * which their judge scores; a "possible" answer is one of many, so it is not checked).
     */
    LiveWebTasks checkingAnswers(Map<String, AnswerCheck> checks) {
        this.answerChecks = Map.copyOf(checks);
        return this;
    }

    @Override
    public Optional<Oracle> answerCheck(Task task) {
        return Optional.ofNullable(answerChecks.get(task.id()));
    }

    @Override
    public RegionHints regionHints() {
        return RegionProbe.read(region.config(), region.allowKey(), region.ipUrl());
    }

    /** Returns the hosts a task's browser may reach: its site's domain and sub-domains, plus {@code extra}. */
    static Set<String> hosts(String url, List<String> extra) {
        if (extra.contains("*")) {
            return Set.of("*");
        }
        String host = URI.create(url).getHost();
        java.util.Set<String> out = new java.util.LinkedHashSet<>(extra);
        // a start page on another port: its own origin, since the domain rules below hold on the default ports only
        String origin = dev.gauntlet.browser.Origins.of(url);
        if (origin != null && URI.create(url).getPort() >= 0) {
            out.add(origin);
        }
        if (host != null) {
            String domain = host.startsWith("www.") ? host.substring(4) : host;
            out.add(domain);
            out.add("*." + domain);
        }
        return out;
    }

    private static String origin(String url) {
        URI u = URI.create(url);
        return u.getScheme() + "://" + u.getAuthority();
    }

    @Override
    public void close() {
        if (sample != null) {
            sample.close();
        }
    }
}
