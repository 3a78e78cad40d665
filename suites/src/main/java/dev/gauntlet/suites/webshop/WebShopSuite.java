package dev.gauntlet.suites.webshop;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.gauntlet.api.Action;
import dev.gauntlet.api.ActionGrammar;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.ConfigException;
import dev.gauntlet.api.Constants;
import dev.gauntlet.api.EnvironmentUnavailableException;
import dev.gauntlet.api.Episode;
import dev.gauntlet.api.EpisodeContext;
import dev.gauntlet.api.OracleSpec;
import dev.gauntlet.api.Suite;
import dev.gauntlet.api.SuiteContext;
import dev.gauntlet.api.Task;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * WebShop: find and buy the product an instruction describes. Runs the built-in shop (1,000 generated products,
 * BM25 search, generated goals) by default, or drives an upstream WebShop server given by {@code -Dwebshop.url=}.
 * A goal is a task; its episodes do not depend on the seed, so one seed is enough (the webshop profile runs one).
 */
public final class WebShopSuite implements Suite {

    static final String ORACLE = "webshop-reward";
    /** Upstream ships 12,087 human goals; an upstream server's goal list is that long. */
    static final int UPSTREAM_GOALS = 12_087;

    private String upstream;
    private String upstreamProblem;
    private String observationMode = Constants.WEBSHOP_OBSERVATION_DEFAULT;
    private Shop shop;
    private String description = "built-in";

    @Override
    public String name() {
        return "webshop";
    }

    @Override
    public int defaultMaxSteps() {
        return Integer.parseInt(Constants.WEBSHOP_MAX_STEPS_DEFAULT);
    }

    @Override
    public synchronized List<Task> discover(SuiteContext context) throws Exception {
        Config config = context.config();
        String split = config.get(Constants.WEBSHOP_SPLIT, Constants.WEBSHOP_SPLIT_DEFAULT).toLowerCase(Locale.ROOT);
        if (!Set.of("test", "eval", "train", "all").contains(split)) {
            throw new ConfigException(Constants.WEBSHOP_SPLIT, split, "one of test, eval, train, all");
        }
        observationMode = config.get(Constants.WEBSHOP_OBSERVATION, Constants.WEBSHOP_OBSERVATION_DEFAULT).toLowerCase(Locale.ROOT);
        if (!Set.of("html", "text", "text_rich").contains(observationMode)) {
            throw new ConfigException(Constants.WEBSHOP_OBSERVATION, observationMode, "one of html, text, text_rich");
        }
        int maxSteps = config.getInt(Constants.WEBSHOP_MAX_STEPS, Constants.WEBSHOP_MAX_STEPS_DEFAULT);
        upstream = config.get(Constants.WEBSHOP_URL).map(u -> u.replaceAll("/+$", "")).orElse(null);
        upstreamProblem = null;
        List<Task> tasks = new ArrayList<>();
        if (upstream != null) {
            description = "upstream " + upstream;
            Set<String> hosts = hosts(upstream);
            for (int i = 0; i < UPSTREAM_GOALS; i++) {
                if (inSplit(split, i)) {
                    tasks.add(new Task(name(), id(i), "", List.of(), Set.of("split:" + Goal.split(i), "source:upstream"),
                            new OracleSpec(ORACLE, Map.of("source", "upstream")), hosts, maxSteps,
                            Map.of("goal_index", i, "score_scale", 100)));
                }
            }
            return tasks;
        }
        Shop s = shop(config, context);
        for (Goal g : s.goals()) {
            if (inSplit(split, g.index())) {
                tasks.add(new Task(name(), id(g.index()), g.instruction(), List.of(),
                        Set.of("split:" + Goal.split(g.index()), "source:builtin",
                                "category:" + g.category().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")),
                        new OracleSpec(ORACLE, g.toMap()), Set.of("127.0.0.1", "localhost"), maxSteps,
                        Map.of("goal_index", g.index(), "asin", g.asin(), "score_scale", 100)));
            }
        }
        return tasks;
    }

    private Shop shop(Config config, SuiteContext context) throws Exception {
        if (shop == null) {
            Catalogue catalogue = Catalogue.generate(Catalogue.DEFAULT_SIZE);
            List<Goal> goals;
            var file = config.get(Constants.WEBSHOP_GOALS);
            if (file.isPresent()) {
                Path path = Path.of(file.get());
                if (!Files.isRegularFile(path)) {
                    throw new ConfigException("'" + Constants.WEBSHOP_GOALS + "' is " + path + ", which is not a file");
                }
                goals = GoalFile.read(path, catalogue, context::problem);
                description = "built-in catalogue, goals from " + path.toAbsolutePath();
            } else {
                goals = GoalGenerator.generate(catalogue, GoalGenerator.DEFAULT_COUNT);
                description = "built-in (" + catalogue.products().size() + " products, " + goals.size() + " goals)";
            }
            shop = new Shop(catalogue, goals, new ProductSearch(catalogue.products()));
        }
        return shop;
    }

    /** The built-in shop's data; its server starts with the first episode. */
    static final class Shop {
        final Catalogue catalogue;
        final List<Goal> goals;
        final ProductSearch search;
        ShopServer server;

        Shop(Catalogue catalogue, List<Goal> goals, ProductSearch search) {
            this.catalogue = catalogue;
            this.goals = goals;
            this.search = search;
        }

        List<Goal> goals() {
            return goals;
        }
    }

    @Override
    public String source(SuiteContext context) {
        return description;
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
                        + down + "): start it (docker/webshop/README.md) or fix " + Constants.WEBSHOP_URL);
            }
            BrowserContext ctx = context.browser().newContext(options, task.allowedHosts());
            Page page = ctx.newPage();
            page.navigate(upstream + "/fixed_" + index);
            return new WebShopEpisode(task, seed, ctx, page, List.of(), observationMode, () -> {});
        }
        Goal goal = goalAt(index);
        ShopServer server = server();
        String session = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String url = server.open(session, goal);
        BrowserContext ctx;
        try {
            ctx = context.browser().newContext(options, task.allowedHosts());
        } catch (Exception e) {
            server.closeSession(session);
            throw e;
        }
        Page page = ctx.newPage();
        page.navigate(url);
        return new WebShopEpisode(task, seed, ctx, page, demonstration(shop, goal), observationMode,
                () -> server.closeSession(session));
    }

    private synchronized Goal goalAt(int index) {
        return shop.goals.stream().filter(g -> g.index() == index).findFirst()
                .orElseThrow(() -> new IllegalStateException("no goal " + index));
    }

    private synchronized ShopServer server() {
        if (shop.server == null) {
            shop.server = new ShopServer(shop.catalogue, shop.search, ShopScorer.find());
        }
        return shop.server;
    }

    /** The gold path: search the target's title, page to it, open it, choose the goal's options, buy. */
    static List<Action> demonstration(Shop shop, Goal goal) {
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
        Set<String> hosts = new HashSet<>(Set.of("127.0.0.1", "localhost"));
        String host = URI.create(url).getHost();
        if (host != null) {
            hosts.add(host);
        }
        return hosts;
    }

    @Override
    public synchronized void close() throws Exception {
        if (shop != null) {
            if (shop.server != null) {
                shop.server.close();
            }
            shop.search.close();
            shop = null;
        }
    }

    /** Exposed for the benchmark command and tests. */
    static Map<String, Object> describe(Shop shop) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("products", shop.catalogue.products().size());
        m.put("goals", shop.goals.size());
        return m;
    }
}
