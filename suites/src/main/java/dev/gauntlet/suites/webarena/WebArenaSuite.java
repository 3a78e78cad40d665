package dev.gauntlet.suites.webarena;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Geolocation;
import dev.gauntlet.api.ActionGrammar;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.ConfigException;
import dev.gauntlet.api.EnvironmentUnavailableException;
import dev.gauntlet.api.Episode;
import dev.gauntlet.api.Setting;
import dev.gauntlet.api.Step;
import dev.gauntlet.api.Task;
import dev.gauntlet.browser.Origins;
import dev.gauntlet.suite.EarlyStop;
import dev.gauntlet.suite.EpisodeContext;
import dev.gauntlet.suite.StatefulSites;
import dev.gauntlet.suite.Suite;
import dev.gauntlet.suite.SuiteContext;
import dev.gauntlet.suite.TaskDependencies;
import dev.gauntlet.suite.BasicTaskSet;
import dev.gauntlet.suite.TaskSet;
import dev.gauntlet.browser.OpenEndedEpisode;
import dev.gauntlet.suites.webarena.site.BuiltInSites;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * WebArena: tasks from {@code -Dwebarena.config} (upstream format) or, by default, the built-in offline sample
 * against built-in sites. Scored by the {@code webarena} oracle; the agent answers with {@code stop [answer]}; at most
 * 30 steps; stops early after 3 unparsable outputs in a row or 3 equivalent actions (WebArena-Lite: 5 identical
 * ones), and an early-stopped episode is scored with the answer {@code Early stop: <reason>} as upstream.
 */
public class WebArenaSuite implements Suite {

    private final String name;
    private final String dialect;
    private final String sample;

    public WebArenaSuite() {
        this("webarena", "webarena", "sample/tasks.json");
    }

    protected WebArenaSuite(String name, String dialect, String sample) {
        this.name = name;
        this.dialect = dialect;
        this.sample = sample;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Setting<?>> settings() {
        return WebArenaSettings.all();
    }

    /** WebArena tasks are deterministic and change the sites: one episode each, as upstream. */
    @Override
    public String defaultSeeds() {
        return "1";
    }

    @Override
    public TaskSet open(SuiteContext context) throws Exception {
        Config config = context.config();
        ActionGrammar.WEBARENA_GRAMMAR.read(config); // a bad value is said before any episode
        WebArenaConfigLoader loader = new WebArenaConfigLoader(context::problem);
        List<WebArenaTaskSpec> loaded;
        Optional<String> path = Optional.ofNullable(WebArenaSettings.CONFIG.read(config));
        SiteUrls urls;
        BuiltInSites builtIn = null;
        String source;
        if (path.isPresent()) {
            Path p = Path.of(path.get());
            if (!Files.exists(p)) {
                throw new ConfigException("'" + WebArenaSettings.CONFIG.key() + "' names " + p.toAbsolutePath()
                        + ", which does not exist");
            }
            loaded = loader.load(p);
            if (loaded.isEmpty()) {
                throw new ConfigException("'" + WebArenaSettings.CONFIG.key() + "' (" + p.toAbsolutePath()
                        + ") holds no task that could be read; the discovery warnings say why");
            }
            warnOnDialect(p, loaded, context);
            urls = SiteUrls.configured(config);
            source = p.toAbsolutePath().toString();
        } else {
            try (InputStream in = WebArenaSuite.class.getResourceAsStream(sample)) {
                loaded = loader.read(in, "built-in " + sample);
            }
            builtIn = BuiltInSites.start();
            urls = SiteUrls.builtIn(builtIn.urls());
            source = "built-in sample (" + sample + ")";
        }
        Optional<String> depends = Optional.ofNullable(WebArenaSettings.DEPENDS.read(config));
        Map<Integer, List<Integer>> dependencies = Map.of();
        if (depends.isPresent()) {
            dependencies = TaskOrder.read(Path.of(depends.get()));
            loaded = TaskOrder.sort(loaded, dependencies, context::problem);
        }
        Map<String, WebArenaTaskSpec> specs = new HashMap<>();
        List<Task> tasks = new ArrayList<>();
        for (WebArenaTaskSpec spec : loaded) {
            String id = Integer.toString(spec.taskId());
            if (specs.containsKey(id)) {
                context.problem(spec.file() + " task_id " + id, "duplicate task_id; the first one is kept");
                continue;
            }
            specs.put(id, spec);
            tasks.add(task(spec, urls));
        }
        return new WebArenaTasks(Dialect.of(dialect), tasks, specs, urls, builtIn, source, WebArenaSettings.HEALTHCHECK.read(config),
                dependencies, WebArenaSettings.RESET.read(config), config);
    }

    /** The suite picks the scoring semantics; a Lite file under webarena (or the reverse) is said, not guessed. */
    private void warnOnDialect(Path file, List<WebArenaTaskSpec> loaded, SuiteContext context) {
        long lite = loaded.stream().filter(t -> t.oldTaskId() != null).count();
        String message = null;
        if (dialect.equals("webarena") && !loaded.isEmpty() && lite == loaded.size()) {
            message = "every task carries old_task_id, so this looks like the WebArena-Lite file; -Dsuite=" + name
                    + " scores it with WebArena's semantics; use -Dsuite=webarena-lite for Lite's";
        } else if (!dialect.equals("webarena") && !loaded.isEmpty() && lite == 0) {
            message = "no task carries old_task_id, so this looks like WebArena's own file; -Dsuite=" + name
                    + " scores it with WebArena-Lite's semantics; use -Dsuite=webarena for WebArena's";
        }
        if (message != null) {
            context.problem(file.toString(), message);
        }
    }

    private Task task(WebArenaTaskSpec spec, SiteUrls urls) throws Exception {
        Set<String> tags = new LinkedHashSet<>();
        spec.sites().forEach(s -> tags.add("site:" + s));
        if (spec.intentTemplateId() != null) {
            tags.add("template:" + spec.intentTemplateId());
        }
        spec.eval().evalTypes().forEach(t -> tags.add("eval:" + t));
        // the fence: every configured site's origin (upstream lets an agent reach all of them, as its own tasks
        // cross from one site to another), nothing else on those machines
        Set<String> hosts = new LinkedHashSet<>();
        for (String url : urls.all().values()) {
            String origin = Origins.of(url);
            if (origin != null) {
                hosts.add(origin);
            }
        }
        WebArenaOracle oracle = new WebArenaOracle(Dialect.of(dialect), spec.intent(),
                WebArenaConfigLoader.JSON.readTree(urls.resolve(spec.eval().raw().toString())), urls.all());
        Map<String, Object> meta = new HashMap<>();
        meta.put("sites", spec.sites());
        meta.put("start_url", spec.startUrl());
        meta.put("require_login", spec.requireLogin());
        meta.put("require_reset", spec.requireReset());
        meta.put("config_file", spec.file());
        if (spec.intentTemplate() != null) {
            meta.put("intent_template", spec.intentTemplate());
        }
        if (spec.oldTaskId() != null) {
            meta.put("old_task_id", spec.oldTaskId());
        }
        List<String> starts = List.of(urls.resolve(spec.startUrl()).split(" \\|AND\\| "));
        return new Task(name, Integer.toString(spec.taskId()), spec.intent(), starts, tags,
                oracle, hosts, 0, meta);
    }

    /** The opened tasks and their sites; restores the sites and stops episodes early as upstream. */
    private static final class WebArenaTasks extends BasicTaskSet
            implements EarlyStop, TaskDependencies, StatefulSites {
        private final Map<String, WebArenaTaskSpec> specs;
        private final SiteUrls urls;
        private final BuiltInSites builtIn;
        private final boolean healthcheck;
        private final Map<Integer, List<Integer>> dependencies;
        private final String reset;
        private final Config config;
        private final Dialect dialect;
        private volatile String resetFailure;

        WebArenaTasks(Dialect dialect, List<Task> tasks, Map<String, WebArenaTaskSpec> specs, SiteUrls urls, BuiltInSites builtIn,
                      String source, boolean healthcheck, Map<Integer, List<Integer>> dependencies, String reset,
                      Config config) {
            super(tasks, source);
            this.dialect = dialect;
            this.specs = Map.copyOf(specs);
            this.urls = urls;
            this.builtIn = builtIn;
            this.healthcheck = healthcheck;
            this.dependencies = dependencies;
            this.reset = reset;
            this.config = config;
        }

        @Override
        public Episode start(Task task, long seed, EpisodeContext context) throws Exception {
            WebArenaTaskSpec spec = specs.get(task.id());
            for (String site : spec.sites()) {
                String reason = urls.unavailable(site, healthcheck);
                if (reason != null) {
                    throw new EnvironmentUnavailableException(reason);
                }
            }
            String failedReset = resetFailure;
            if (failedReset != null) {
                throw new EnvironmentUnavailableException(failedReset);
            }
            Browser.NewContextOptions options = new Browser.NewContextOptions().setViewportSize(1280, 720);
            boolean stored = SiteLogin.storageState(context.config(), spec, options);
            if (spec.geolocation() != null && spec.geolocation().has("latitude")) {
                options.setGeolocation(new Geolocation(spec.geolocation().path("latitude").asDouble(),
                        spec.geolocation().path("longitude").asDouble())).setPermissions(List.of("geolocation"));
            }
            BrowserContext browserContext = context.browser().newContext(options, task.allowedHosts());
            try {
                if (!stored) {
                    SiteLogin.autoLogin(context.config(), spec, urls, browserContext);
                }
                // as upstream, one tab per start URL and the first one active
                Page first = null;
                for (String url : task.startUrls()) {
                    Page page = browserContext.newPage();
                    page.navigate(url);
                    first = first == null ? page : first;
                }
                first.bringToFront();
                List<String> gold = spec.gold().stream().map(urls::resolve).toList();
                // no done flag: the answer, the step limit or an early stop ends it; gold actions are written
                // without a fence, so they are read leniently
                ActionGrammar lenient = ActionGrammar.named("webarena-lenient");
                return new OpenEndedEpisode(task, seed, browserContext, first,
                        gold.stream().map(lenient::parse).toList());
            } catch (RuntimeException e) {
                browserContext.close();
                throw e;
            }
        }

        /** The tasks {@code webarena.depends} lists for this one: the engine starts it after they finished. */
        @Override
        public Set<String> dependsOn(Task task) {
            List<Integer> deps = dependencies.get(Integer.parseInt(task.id()));
            return deps == null ? Set.of() : deps.stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet());
        }

        /** With {@code webarena.reset} set, the sites are restored before each agent (and so before the suite). */
        @Override
        public boolean resetsBetweenAgents() {
            return reset != null;
        }

        /** Runs {@code webarena.reset} with bash; a non-zero exit makes this agent's episodes skip, naming the key. */
        @Override
        public void beforeAgent(String agent) throws Exception {
            resetFailure = null;
            Process p = new ProcessBuilder("bash", "-c", reset).inheritIO().start();
            int rc = p.waitFor();
            if (rc != 0) {
                resetFailure = "the reset command (" + WebArenaSettings.RESET.key() + ") exited with " + rc
                        + " before agent " + agent;
            }
        }

        @Override
        public String stopEarly(Task task, List<Step> steps) {
            return earlyStop(steps, dialect);
        }

        @Override
        public void close() {
            if (builtIn != null) {
                builtIn.close();
            }
        }
    }

    /** Upstream's early stop for this suite's harness, given the episode's steps so far ({@link EpisodeEnd}). */
    static String earlyStop(List<Step> steps, Dialect dialect) {
        return EpisodeEnd.earlyStop(steps, dialect);
    }
}
