package dev.gauntlet.api;

/**
 * Every configuration key Gauntlet reads, with its default. The README's configuration table mirrors this class.
 *
 * <p>Precedence, lowest first: the default here, {@code junit-platform.properties}, an environment variable
 * ({@code gauntlet.max.steps} is read from {@code GAUNTLET_MAX_STEPS}; dots, dashes and case folded), a system
 * property with the full key ({@code -Dgauntlet.agent=}), and finally the short form users type on the command
 * line ({@code -Dagent=}), when one is listed.
 */
public final class Constants {

    private Constants() {}

    /** Suite(s) to run: a name, comma-separated names, or {@code all}. Short: {@code suite}. */
    public static final String SUITE = "gauntlet.suite";
    public static final String SUITE_DEFAULT = "miniwob";

    /** Agent as {@code name} or {@code name:key=value,...}; several separated by {@code ;}. Short: {@code agent}. */
    public static final String AGENT = "gauntlet.agent";
    public static final String AGENT_DEFAULT = "heuristic";

    /** Comma-separated globs over task ids ({@code click-*,enter-text}); empty runs all. Short: {@code tasks}. */
    public static final String TASKS = "gauntlet.tasks";

    /** Seeds: a count {@code n} (seeds 0..n-1) or a list {@code 3,7,11}. Short: {@code seeds}. */
    public static final String SEEDS = "gauntlet.seeds";
    public static final String SEEDS_DEFAULT = "3";

    /** Parallel episodes; each worker owns one browser. Short: {@code workers}. */
    public static final String WORKERS = "gauntlet.workers";
    public static final String WORKERS_DEFAULT = "1";

    /** Step limit per episode; a suite may lower it per task ({@code 0} = the suite's own default). Short: {@code maxSteps}. */
    public static final String MAX_STEPS = "gauntlet.maxSteps";
    public static final String MAX_STEPS_DEFAULT = "0";

    /**
     * Run one shard of the tasks, as {@code i/n} (1-based: {@code 1/4} .. {@code 4/4}); each machine runs one and the
     * leaderboard merges their run folders. Tasks are dealt round-robin in suite order, so shards are stable.
     */
    public static final String SHARD = "gauntlet.shard";

    /** Judges to run after the oracle, comma-separated ({@code webvoyager,orm}); empty = none. Short: {@code judge}. */
    public static final String JUDGE = "gauntlet.judge";

    /** Fail the benchmark run when the success rate falls below this fraction (0..1); empty = never. */
    public static final String MIN_SUCCESS = "gauntlet.minSuccess";

    /** Folder holding one sub-folder per run. */
    public static final String RUNS_DIR = "gauntlet.runsDir";
    public static final String RUNS_DIR_DEFAULT = "runs";

    /** The leaderboard file regenerated after each run; {@code off} disables it. */
    public static final String LEADERBOARD = "gauntlet.leaderboard";
    public static final String LEADERBOARD_DEFAULT = "leaderboard.md";

    /** Screenshots: {@code steps} (every step), {@code final} (last observation only) or {@code none}. */
    public static final String SCREENSHOTS = "gauntlet.screenshots";
    public static final String SCREENSHOTS_DEFAULT = "steps";

    /** Browser executable; empty = discover a system Chromium, then Playwright's own download. */
    public static final String BROWSER_PATH = "gauntlet.browser.path";

    /** Connect to a remote browser at this Playwright/CDP websocket endpoint instead of launching one. */
    public static final String BROWSER_ENDPOINT = "gauntlet.browser.endpoint";

    /** Run the browser headless. */
    public static final String BROWSER_HEADLESS = "gauntlet.browser.headless";
    public static final String BROWSER_HEADLESS_DEFAULT = "true";

    /** Milliseconds an action may wait for its element before it fails (the step records the error). */
    public static final String ACTION_TIMEOUT_MS = "gauntlet.actionTimeoutMs";
    public static final String ACTION_TIMEOUT_MS_DEFAULT = "3000";

    /** Milliseconds a page navigation may take. */
    public static final String NAVIGATION_TIMEOUT_MS = "gauntlet.navigationTimeoutMs";
    public static final String NAVIGATION_TIMEOUT_MS_DEFAULT = "15000";

    /** Free-text label of this run (stored in the manifest and shown on the leaderboard). */
    public static final String RUN_LABEL = "gauntlet.runLabel";

    /** Generate the offline HTML report (Allure) into {@code runs/<id>/report/} at the end of each run. */
    public static final String REPORT_HTML = "gauntlet.report.html";
    public static final String REPORT_HTML_DEFAULT = "true";

    /** Folder of an unpacked allure-commandline; empty = unpack the one in the local Maven repository. */
    public static final String REPORT_ALLURE_HOME = "gauntlet.report.allureHome";

    /** MiniWoB: folder of an upstream MiniWoB++ checkout's {@code miniwob/html} (or the repo root). Short: {@code miniwob.dir}. */
    public static final String MINIWOB_DIR = "miniwob.dir";

    /** MiniWoB: base URL serving an upstream {@code miniwob/html} folder. */
    public static final String MINIWOB_URL = "miniwob.url";

    /** MiniWoB: reward rule, {@code binary} (raw = 1.0), {@code raw} (raw &gt; 0, BrowserGym) or {@code time} (time-scaled &gt; 0). */
    public static final String MINIWOB_REWARD = "miniwob.reward";
    public static final String MINIWOB_REWARD_DEFAULT = "binary";

    /** MiniWoB: episode timer, {@code auto} (the page's own when the reward is time-scaled, else off, as BrowserGym), {@code page}, {@code off}, or milliseconds. */
    public static final String MINIWOB_TIMER = "miniwob.timer";
    public static final String MINIWOB_TIMER_DEFAULT = "auto";

    /** MiniWoB upstream mode: also run the five tasks that wait for events (chase-circle, moving-items, ...). */
    public static final String MINIWOB_INCLUDE_WAITING = "miniwob.includeWaiting";
    public static final String MINIWOB_INCLUDE_WAITING_DEFAULT = "false";

    /** MiniWoB: default step limit (BrowserGym uses 10). */
    public static final String MINIWOB_MAX_STEPS_DEFAULT = "10";

    /** Model server: OpenAI-compatible base URL ({@code http://localhost:8000/v1}) for the {@code llm} agent and judges. */
    public static final String LLM_BASE_URL = "llm.base_url";

    /** Model server: model name as the server knows it ({@code Qwen/Qwen2.5-VL-7B-Instruct}). */
    public static final String LLM_MODEL = "llm.model";

    /** Model server: name of the environment variable holding the API key (the key is never logged, cached or written); unset variable = no key. */
    public static final String LLM_API_KEY_ENV = "llm.api_key_env";
    public static final String LLM_API_KEY_ENV_DEFAULT = "OPENAI_API_KEY";

    /** Model server: seconds to wait for a connection and for each answer. */
    public static final String LLM_TIMEOUT_S = "llm.timeout_s";
    public static final String LLM_TIMEOUT_S_DEFAULT = "120";

    /** Model server: retries of a call after 429, 5xx, a timeout or a dropped connection (exponential backoff with jitter). */
    public static final String LLM_MAX_RETRIES = "llm.max_retries";
    public static final String LLM_MAX_RETRIES_DEFAULT = "4";

    /** Model server: requests in flight at once per base URL, shared by all workers. */
    public static final String LLM_MAX_CONCURRENCY = "llm.max_concurrency";
    public static final String LLM_MAX_CONCURRENCY_DEFAULT = "4";

    /** Model server: response cache folder, keyed by the request's SHA-256; empty = {@code <runsDir>/.llm-cache}, {@code off} disables. */
    public static final String LLM_CACHE_DIR = "llm.cache_dir";
    public static final String LLM_CACHE_DIR_OFF = "off";

    /** Model server: sampling temperature. */
    public static final String LLM_TEMPERATURE = "llm.temperature";
    public static final String LLM_TEMPERATURE_DEFAULT = "0";

    /** Model server: sampling seed; empty = the server's choice. */
    public static final String LLM_SEED = "llm.seed";

    /** Model server: completion token limit per call. */
    public static final String LLM_MAX_TOKENS = "llm.max_tokens";
    public static final String LLM_MAX_TOKENS_DEFAULT = "1024";

    /** Model server: US dollars per million prompt tokens, for the cost columns; 0 for a self-hosted model. */
    public static final String LLM_PRICE_IN = "llm.price_in";
    public static final String LLM_PRICE_IN_DEFAULT = "0";

    /** Model server: US dollars per million completion tokens. */
    public static final String LLM_PRICE_OUT = "llm.price_out";
    public static final String LLM_PRICE_OUT_DEFAULT = "0";

    /** Judges: price overrides, US dollars per million prompt / completion tokens ({@code llm.price_*} otherwise). */
    public static final String JUDGE_PRICE_IN = "judge.price_in";
    public static final String JUDGE_PRICE_OUT = "judge.price_out";

    /** Judges: model override ({@code llm.model} otherwise). */
    public static final String JUDGE_MODEL = "judge.model";

    /** Judges: base URL override ({@code llm.base_url} otherwise). */
    public static final String JUDGE_BASE_URL = "judge.base_url";

    /** Judges: API key variable override ({@code llm.api_key_env} otherwise). */
    public static final String JUDGE_API_KEY_ENV = "judge.api_key_env";

    /** Judges: how many of the last screenshots a screenshot-reading judge sees (WebVoyager used up to 15). */
    public static final String JUDGE_SCREENSHOTS = "judge.screenshots";
    public static final String JUDGE_SCREENSHOTS_DEFAULT = "3";

    /** Judges: the {@code orm} judge's P(YES) at or above which it calls an episode a success. */
    public static final String JUDGE_ORM_THRESHOLD = "judge.orm.threshold";
    public static final String JUDGE_ORM_THRESHOLD_DEFAULT = "0.5";

    /** WebShop: base URL of an upstream WebShop server to drive instead of the built-in shop ({@code http://localhost:3000}). */
    public static final String WEBSHOP_URL = "webshop.url";

    /** WebShop: goal split by index as upstream, {@code test} (0–499), {@code eval} (500–1499) or {@code train} (1500+). Short: {@code split}. */
    public static final String WEBSHOP_SPLIT = "webshop.split";
    public static final String WEBSHOP_SPLIT_DEFAULT = "test";

    /** WebShop: the view put in the observation's {@code observation} extra, {@code html}, {@code text} or {@code text_rich} (upstream's modes; all three are always in the extras). */
    public static final String WEBSHOP_OBSERVATION = "webshop.observation";
    public static final String WEBSHOP_OBSERVATION_DEFAULT = "html";

    /** WebShop: path of a goals file (JSON lines) to use instead of the generated goals; a bad line is reported with its line and field. */
    public static final String WEBSHOP_GOALS = "webshop.goals";

    /**
     * WebShop: default step limit. 15 is what LLM-agent papers use; the gold path takes at most 6 steps, and upstream's
     * own baselines allow 100, which {@code -DmaxSteps=100} restores.
     */
    public static final String WEBSHOP_MAX_STEPS = "webshop.maxSteps";
    public static final String WEBSHOP_MAX_STEPS_DEFAULT = "15";

    /**
     * WebArena: the upstream task config: the 812-task {@code test.raw.json}, the 165-task WebArena-Lite file, or a
     * folder of per-task JSON files; empty = the built-in offline sample against built-in sites.
     */
    public static final String WEBARENA_CONFIG = "webarena.config";

    /** WebArena: the sites, each read from {@code webarena.<site>.url} (or {@code GAUNTLET_WEBARENA_<SITE>_URL}). */
    public static final java.util.List<String> WEBARENA_SITES = java.util.List.of("shopping", "shopping_admin", "reddit",
            "gitlab", "wikipedia", "map", "homepage");

    /** WebArena: base URL of the shopping site (upstream port 7770). Likewise for every name in {@link #WEBARENA_SITES}. */
    public static final String WEBARENA_SHOPPING_URL = "webarena.shopping.url";
    /** WebArena: base URL of the shopping admin, with its {@code /admin} path (upstream port 7780). */
    public static final String WEBARENA_SHOPPING_ADMIN_URL = "webarena.shopping_admin.url";
    /** WebArena: base URL of the Postmill forum (upstream port 9999). */
    public static final String WEBARENA_REDDIT_URL = "webarena.reddit.url";
    /** WebArena: base URL of GitLab (upstream port 8023). */
    public static final String WEBARENA_GITLAB_URL = "webarena.gitlab.url";
    /** WebArena: base URL of the Kiwix Wikipedia (upstream port 8888). */
    public static final String WEBARENA_WIKIPEDIA_URL = "webarena.wikipedia.url";
    /** WebArena: base URL of the OpenStreetMap site (upstream port 3000). */
    public static final String WEBARENA_MAP_URL = "webarena.map.url";
    /** WebArena: base URL of the homepage (upstream port 4399). */
    public static final String WEBARENA_HOMEPAGE_URL = "webarena.homepage.url";

    /** WebArena: folder of Playwright storage_state files named as in the config ({@code shopping_state.json}). */
    public static final String WEBARENA_AUTH_DIR = "webarena.auth.dir";

    /**
     * WebArena: login name for the auto-login of a site without a storage_state file, as
     * {@code webarena.<site>.username}; the password is {@code webarena.<site>.password} (a secret: never written).
     */
    public static final String WEBARENA_USERNAME_SUFFIX = ".username";
    public static final String WEBARENA_PASSWORD_SUFFIX = ".password";

    /** WebArena: shell command that resets the sites; run once before the first episode of a run. */
    public static final String WEBARENA_RESET = "webarena.reset";

    /** WebArena: JSON file of task dependencies ({@code {"task_id": [ids it depends on]}}); tasks run after theirs. */
    public static final String WEBARENA_DEPENDS = "webarena.depends";

    /** WebArena: check that every configured site answers before the first episode. */
    public static final String WEBARENA_HEALTHCHECK = "webarena.healthcheck";
    public static final String WEBARENA_HEALTHCHECK_DEFAULT = "true";

    /** Returns the key of a WebArena site's URL ({@code webarena.gitlab.url}). */
    public static String webArenaUrlKey(String site) {
        return "webarena." + site + ".url";
    }
}
