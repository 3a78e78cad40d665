package dev.gauntlet.suites.webarena;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Geolocation;
import dev.gauntlet.api.Action;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.ConfigException;
import dev.gauntlet.api.Constants;
import dev.gauntlet.api.EnvironmentUnavailableException;
import dev.gauntlet.api.Episode;
import dev.gauntlet.api.EpisodeContext;
import dev.gauntlet.api.OracleSpec;
import dev.gauntlet.api.Step;
import dev.gauntlet.api.Suite;
import dev.gauntlet.api.SuiteContext;
import dev.gauntlet.api.Task;
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
 * 30 steps; stops early after 3 unparsable outputs in a row or 3 identical actions.
 */
public class WebArenaSuite implements Suite {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EARLY_STOP = 3;

    private final String name;
    private final String dialect;
    private final String sample;
    private final Map<String, WebArenaTaskSpec> specs = new HashMap<>();
    private SiteUrls urls;
    private BuiltInSites builtIn;
    private String source = "built-in";
    private boolean healthcheck = true;
    private volatile String resetFailure;
    private Map<Integer, List<Integer>> dependencies = Map.of();

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
    public synchronized List<Task> discover(SuiteContext context) throws Exception {
        Config config = context.config();
        WebArenaConfigLoader loader = new WebArenaConfigLoader(context::problem);
        List<WebArenaTaskSpec> loaded;
        Optional<String> path = config.get(Constants.WEBARENA_CONFIG);
        if (path.isPresent()) {
            Path p = Path.of(path.get());
            if (!Files.exists(p)) {
                throw new ConfigException("'" + Constants.WEBARENA_CONFIG + "' names " + p.toAbsolutePath()
                        + ", which does not exist");
            }
            loaded = loader.load(p);
            if (loaded.isEmpty()) {
                throw new ConfigException("'" + Constants.WEBARENA_CONFIG + "' (" + p.toAbsolutePath()
                        + ") holds no task that could be read; the discovery warnings say why");
            }
            warnOnDialect(p, loaded, context);
            urls = SiteUrls.configured(config);
            source = p.toAbsolutePath().toString();
        } else {
            try (InputStream in = WebArenaSuite.class.getResourceAsStream(sample)) {
                loaded = loader.read(in, "built-in " + sample);
            }
            if (builtIn == null) {
                builtIn = BuiltInSites.start();
            }
            urls = SiteUrls.builtIn(builtIn.urls());
            source = "built-in sample (" + sample + ")";
        }
        Optional<String> depends = config.get(Constants.WEBARENA_DEPENDS);
        dependencies = Map.of();
        if (depends.isPresent()) {
            dependencies = TaskOrder.read(Path.of(depends.get()));
            loaded = TaskOrder.sort(loaded, dependencies, context::problem);
        }
        healthcheck = config.getBoolean(Constants.WEBARENA_HEALTHCHECK, Constants.WEBARENA_HEALTHCHECK_DEFAULT);
        specs.clear();
        List<Task> tasks = new ArrayList<>();
        for (WebArenaTaskSpec spec : loaded) {
            String id = Integer.toString(spec.taskId());
            if (specs.containsKey(id)) {
                context.problem(spec.file() + " task_id " + id, "duplicate task_id; the first one is kept");
                continue;
            }
            specs.put(id, spec);
            tasks.add(task(spec));
        }
        return tasks;
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

    private Task task(WebArenaTaskSpec spec) throws Exception {
        Set<String> tags = new LinkedHashSet<>();
        spec.sites().forEach(s -> tags.add("site:" + s));
        if (spec.intentTemplateId() != null) {
            tags.add("template:" + spec.intentTemplateId());
        }
        spec.eval().evalTypes().forEach(t -> tags.add("eval:" + t));
        Set<String> hosts = new LinkedHashSet<>();
        for (String site : spec.sites()) {
            String url = urls.all().get(site);
            if (url != null && URI.create(url).getHost() != null) {
                hosts.add(URI.create(url).getHost());
            }
        }
        Map<String, Object> oracle = Map.of("dialect", dialect, "intent", spec.intent(),
                "eval", urls.resolve(spec.eval().raw().toString()), "urls", JSON.writeValueAsString(urls.all()));
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
                new OracleSpec("webarena", oracle), hosts, 0, meta);
    }

    @Override
    public String source(SuiteContext context) {
        return source;
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
            return new WebArenaEpisode(task, seed, browserContext, first, gold);
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
    public boolean resetsBetweenAgents(Config config) {
        return config.get(Constants.WEBARENA_RESET).isPresent();
    }

    /** Runs {@code webarena.reset} with bash; a non-zero exit makes this agent's episodes skip, naming the key. */
    @Override
    public void beforeAgent(String agent, Config config) throws Exception {
        String command = config.get(Constants.WEBARENA_RESET).orElseThrow();
        resetFailure = null;
        Process p = new ProcessBuilder("bash", "-c", command).inheritIO().start();
        int rc = p.waitFor();
        if (rc != 0) {
            resetFailure = "the reset command (" + Constants.WEBARENA_RESET + ") exited with " + rc
                    + " before agent " + agent;
        }
    }

    /**
     * Upstream's early stop: the last 3 outputs unparsable; or the last 3 actions identical; for typing, the same
     * text typed into the same element 3 times anywhere in the episode (upstream counts those over the whole episode).
     */
    @Override
    public String stopEarly(Task task, List<Step> steps) {
        int n = steps.size();
        if (n == 0) {
            return null;
        }
        Action last = steps.get(n - 1).action();
        if (n >= EARLY_STOP && steps.subList(n - EARLY_STOP, n).stream().allMatch(s -> s.action() instanceof Action.Invalid)) {
            return "failed to parse the agent's output " + EARLY_STOP + " times in a row";
        }
        if (last instanceof Action.Invalid) {
            return null;
        }
        if (last instanceof Action.Fill || last instanceof Action.TypeAtCaret) {
            long same = steps.stream().filter(s -> s.action().equals(last)).count();
            return same >= EARLY_STOP ? "the same typing action " + EARLY_STOP + " times" : null;
        }
        if (n >= EARLY_STOP && steps.subList(n - EARLY_STOP, n).stream().allMatch(s -> s.action().equals(last))) {
            return "the same action " + EARLY_STOP + " times in a row";
        }
        return null;
    }

    @Override
    public synchronized void close() {
        if (builtIn != null) {
            builtIn.close();
            builtIn = null;
        }
    }
}
