package dev.gauntlet.suites.webshop;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.gauntlet.api.Action;
import dev.gauntlet.api.ActionGrammar;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.ConfigException;
import dev.gauntlet.api.EnvironmentUnavailableException;
import dev.gauntlet.api.Episode;
import dev.gauntlet.api.Setting;
import dev.gauntlet.api.Task;
import dev.gauntlet.browser.Origins;
import dev.gauntlet.suite.EpisodeContext;
import dev.gauntlet.suite.Suite;
import dev.gauntlet.suite.SuiteContext;
import dev.gauntlet.suite.BasicTaskSet;
import dev.gauntlet.suite.TaskSet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * WebShop: find and buy the product an instruction describes. Runs the built-in shop (1,000 generated products,
 * BM25 search, generated goals) by default, or drives an upstream WebShop server given by {@code -Dwebshop.url=}.
 * A goal is a task; its episodes do not depend on the seed, so one seed is the default.
 */
public final class WebShopSuite implements Suite {

    /** Goal splits by index, as upstream ({@code all} = every goal). */
    public enum Split { TEST, EVAL, TRAIN, ALL }

    /** The view put in the observation's {@code observation} extra (upstream's observation modes). */
    public enum ObservationMode { HTML, TEXT, TEXT_RICH }

    /** An upstream WebShop server to drive instead of the built-in shop. */
    public static final Setting<String> URL = Setting.text("webshop.url", "",
            "base URL of an upstream WebShop server to drive instead of the built-in shop");
    /** Which goals run. */
    public static final Setting<Split> SPLIT = Setting.choice("webshop.split", "test", Split.class,
            "goal split by index as upstream: `test` (0–499), `eval` (500–1499), `train` (1500+), or `all`");
    /** The observation's {@code observation} extra. */
    public static final Setting<ObservationMode> OBSERVATION = Setting.choice("webshop.observation", "html",
            ObservationMode.class, "the view in the observation's `observation` extra: `html`, `text` or `text_rich`");
    /** A goals file instead of the generated goals. */
    public static final Setting<String> GOALS = Setting.text("webshop.goals", "",
            "a goals file (JSON lines) instead of the generated goals");
    /** WebShop's step limit. */
    public static final Setting<Integer> MAX_STEPS = Setting.integer("webshop.maxSteps", "15", 1,
            "WebShop's step limit (LLM-agent papers use 15; upstream baselines 100)");

    static final String ORACLE = WebShopOracle.TYPE;
    /** Upstream ships 12,087 human goals; an upstream server's goal list is that long. */
    static final int UPSTREAM_GOALS = 12_087;

    @Override
    public String name() {
        return "webshop";
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(URL, SPLIT, OBSERVATION, GOALS, MAX_STEPS);
    }

    @Override
    public int defaultMaxSteps() {
        return Integer.parseInt(MAX_STEPS.defaultValue());
    }

    @Override
    public String defaultSeeds() {
        return "1";
    }

    @Override
    public TaskSet open(SuiteContext context) throws Exception {
        Config config = context.config();
        String split = SPLIT.read(config).name().toLowerCase(Locale.ROOT);
        String observationMode = OBSERVATION.read(config).name().toLowerCase(Locale.ROOT);
        int maxSteps = MAX_STEPS.read(config);
        String upstream = java.util.Optional.ofNullable(URL.read(config)).map(u -> u.replaceAll("/+$", ""))
                .orElse(null);
        List<Task> tasks = new ArrayList<>();
        if (upstream != null) {
            Set<String> hosts = hosts(upstream);
            WebShopOracle oracle = new WebShopOracle(null);
            for (int i = 0; i < UPSTREAM_GOALS; i++) {
                if (inSplit(split, i)) {
                    tasks.add(new Task(name(), id(i), "", List.of(), Set.of("split:" + Goal.split(i), "source:upstream"),
                            oracle, hosts, maxSteps, Map.of("goal_index", i)));
                }
            }
            return new Shop(tasks, null, upstream, observationMode, "upstream " + upstream);
        }
        Catalogue catalogue = Catalogue.generate(Catalogue.DEFAULT_SIZE);
        List<Goal> goals;
        String description;
        String file = GOALS.read(config);
        if (file != null) {
            Path path = Path.of(file);
            if (!Files.isRegularFile(path)) {
                throw new ConfigException("'" + GOALS.key() + "' is " + path + ", which is not a file");
            }
            goals = GoalFile.read(path, catalogue, context::problem);
            description = "built-in catalogue, goals from " + path.toAbsolutePath();
        } else {
            goals = GoalGenerator.generate(catalogue, GoalGenerator.DEFAULT_COUNT);
            description = "built-in (" + catalogue.products().size() + " products, " + goals.size() + " goals)";
        }
        BuiltIn shop = new BuiltIn(catalogue, goals, new ProductSearch(catalogue.products()));
        for (Goal g : goals) {
            if (inSplit(split, g.index())) {
                tasks.add(new Task(name(), id(g.index()), g.instruction(), List.of(),
                        Set.of("split:" + Goal.split(g.index()), "source:builtin",
                                "category:" + g.category().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")),
                        new WebShopOracle(g), Set.of(), maxSteps,
                        Map.of("goal_index", g.index(), "asin", g.asin())));
            }
        }
        return new Shop(tasks, shop, null, observationMode, description);
    }

    /** The built-in shop's data; its server starts with the first episode. */
    static final class BuiltIn {
        final Catalogue catalogue;
        final List<Goal> goals;
        final ProductSearch search;
        ShopServer server;

        BuiltIn(Catalogue catalogue, List<Goal> goals, ProductSearch search) {
            this.catalogue = catalogue;
            this.goals = goals;
            this.search = search;
        }

        List<Goal> goals() {
            return goals;
        }
    }

    /** The opened goals, on the built-in shop ({@code shop}) or an upstream server ({@code upstream}). */
    private static final class Shop extends BasicTaskSet {
        private final BuiltIn shop;
        private final String upstream;
        private final String observationMode;
        private String upstreamProblem;

        Shop(List<Task> tasks, BuiltIn shop, String upstream, String observationMode, String description) {
            super(tasks, description);
            this.shop = shop;
            this.upstream = upstream;
            this.observationMode = observationMode;
        }

        /** Asks the upstream server once per run; "" when it answers. */
        private synchronized String upstreamProblem() {
            if (upstreamProblem == null) {
                upstreamProblem = dev.gauntlet.site.Reachability.problem(upstream + "/");
            }
            return upstreamProblem;
        }

        @Override
        public Episode start(Task task, long seed, EpisodeContext context) throws Exception {
            int index = ((Number) task.metadata().get("goal_index")).intValue();
            Browser.NewContextOptions options = new Browser.NewContextOptions().setViewportSize(1280, 720);
            if (upstream != null) {
                String down = upstreamProblem();
                if (!down.isEmpty()) {
                    throw new EnvironmentUnavailableException("the WebShop server at " + upstream + " does not answer ("
                            + down + "): start it (docker/webshop/README.md) or fix " + URL.key());
                }
                BrowserContext ctx = context.browser().newContext(options, Origins.with(task.allowedHosts(), upstream));
                Page page = ctx.newPage();
                page.navigate(upstream + "/fixed_" + index);
                return new WebShopEpisode(task, seed, ctx, page, List.of(), observationMode, () -> {});
            }
            Goal goal = ((WebShopOracle) task.oracle()).goal();
            ShopServer server = server();
            String session = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            String url = server.open(session, goal);
            BrowserContext ctx;
            try {
                ctx = context.browser().newContext(options, Origins.with(task.allowedHosts(), url));
            } catch (Exception e) {
                server.closeSession(session);
                throw e;
            }
            Page page = ctx.newPage();
            page.navigate(url);
            return new WebShopEpisode(task, seed, ctx, page, demonstration(shop, goal), observationMode,
                    () -> server.closeSession(session));
        }

        private synchronized ShopServer server() {
            if (shop.server == null) {
                shop.server = new ShopServer(shop.catalogue, shop.search);
            }
            return shop.server;
        }

        @Override
        public synchronized void close() throws Exception {
            if (shop != null) {
                if (shop.server != null) {
                    shop.server.close();
                    shop.server = null;
                }
                shop.search.close();
            }
        }
    }

    /** The gold path: search the target's title, page to it, open it, choose the goal's options, buy. */
    static List<Action> demonstration(BuiltIn shop, Goal goal) {
        Product target = shop.catalogue.get(goal.asin());
        String query = target.title().toLowerCase(Locale.ROOT);
        List<Action> plan = new ArrayList<>();
        plan.add(native_("search[" + query + "]"));
        int rank = shop.search.search(query).indexOf(target.asin());
        for (int i = 0; i < Math.max(0, rank) / 10; i++) {
            plan.add(native_("click[next >]"));
        }
        plan.add(native_("click[" + target.asin().toLowerCase(Locale.ROOT) + "]"));
        for (String option : goal.goalOptions()) {
            plan.add(native_("click[" + option + "]"));
        }
        plan.add(native_("click[buy now]"));
        return plan;
    }

    private static Action native_(String text) {
        return new Action.Native(ActionGrammar.webShop().name(), text);
    }

    static boolean inSplit(String split, int index) {
        return split.equals("all") || Goal.split(index).equals(split);
    }

    static String id(int index) {
        return String.format(Locale.ROOT, "goal-%05d", index);
    }

    private static Set<String> hosts(String url) {
        return Origins.with(Set.of(), url);
    }

    /** Exposed for the benchmark command and tests. */
    static Map<String, Object> describe(BuiltIn shop) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("products", shop.catalogue.products().size());
        m.put("goals", shop.goals.size());
        return m;
    }
}
