package dev.gauntlet.api;

/**
 * The names of core's configuration keys and their defaults; each is declared with its type and meaning in
 * {@link Settings}. Suites declare their own keys ({@link dev.gauntlet.suite.Suite#settings()}).
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

    /**
     * Continue a run in its own folder: {@code runs/<id>}, a run folder's path, or {@code latest}. Episodes the run
     * finished are kept; the others run. The configuration must match the one the run's manifest records.
     */
    public static final String RESUME = "gauntlet.resume";

    /** On resume, rerun an episode that ended broken up to this many times. */
    public static final String RETRY_BROKEN = "gauntlet.retryBroken";
    public static final String RETRY_BROKEN_DEFAULT = "0";

    /** On resume, rerun an episode that ended blocked (a live site refused the browser) up to this many times. */
    public static final String RETRY_BLOCKED = "gauntlet.retryBlocked";
    public static final String RETRY_BLOCKED_DEFAULT = "0";

    /**
     * A fixed run id instead of a time-stamped one; the shards of one array share it and each writes into
     * {@code <runsDir>/<runId>/shard-<i>-of-<n>/}, which the {@code merge} command joins.
     */
    public static final String RUN_ID = "gauntlet.runId";

    /** Seconds an agent may take to decide one step; beyond it the step fails with the cause. {@code 0} = no limit. */
    public static final String STEP_TIMEOUT_S = "gauntlet.stepTimeoutS";
    public static final String STEP_TIMEOUT_S_DEFAULT = "0";

    /** Seconds an episode may take; beyond it the episode ends. {@code 0} = no limit. */
    public static final String EPISODE_TIMEOUT_S = "gauntlet.episodeTimeoutS";
    public static final String EPISODE_TIMEOUT_S_DEFAULT = "0";

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

    /** How saved screenshots are stored: {@code png} or {@code jpeg}; each distinct image is written once. */
    public static final String SCREENSHOTS_FORMAT = "gauntlet.screenshots.format";
    public static final String SCREENSHOTS_FORMAT_DEFAULT = "png";

    /** JPEG quality of saved screenshots, 1 to 100, with {@code gauntlet.screenshots.format=jpeg}. */
    public static final String SCREENSHOTS_QUALITY = "gauntlet.screenshots.quality";
    public static final String SCREENSHOTS_QUALITY_DEFAULT = "80";

    /** Browser executable; empty = discover a system Chromium, then Playwright's own download. */
    public static final String BROWSER_PATH = "gauntlet.browser.path";

    /** Connect to a remote browser at this Playwright/CDP websocket endpoint instead of launching one. */
    public static final String BROWSER_ENDPOINT = "gauntlet.browser.endpoint";

    /** Run the browser headless. */
    public static final String BROWSER_HEADLESS = "gauntlet.browser.headless";
    public static final String BROWSER_HEADLESS_DEFAULT = "true";

    /** Extra Chromium command-line flags for a launched browser, space-separated. */
    public static final String BROWSER_ARGS = "gauntlet.browser.args";

    /** Milliseconds an action may wait for its element before it fails (the step records the error). */
    public static final String ACTION_TIMEOUT_MS = "gauntlet.actionTimeoutMs";
    public static final String ACTION_TIMEOUT_MS_DEFAULT = "3000";

    /**
     * Origins ({@code http://host:port}) or domains ({@code *.example.com}) every task's browser may reach besides
     * the task's own, comma-separated; {@code *} switches the fence off.
     */
    public static final String FENCE_ALLOW = "gauntlet.fence.allow";

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
    public static final String JUDGE_SCREENSHOTS_DEFAULT = "";

    /** Judges: the {@code orm} judge's P(YES) at or above which it calls an episode a success. */
    public static final String JUDGE_ORM_THRESHOLD = "judge.orm.threshold";
    public static final String JUDGE_ORM_THRESHOLD_DEFAULT = "0.5";

    /** Judges: how an unreadable reply counts: {@code upstream} (as each judge's published script counts it) or {@code unscored}. */
    public static final String JUDGE_UNREADABLE = "judge.unreadable";
    /** WebJudge: the relevance score (1–5) at or above which a screenshot is kept for the final call. */
    public static final String JUDGE_WEBJUDGE_THRESHOLD = "judge.webjudge.threshold";
    /** AgentRewardBench-style judge: also show the last screenshot. */
    public static final String JUDGE_AXTREE_SCREENSHOT = "judge.axtree.screenshot";

    /** Where in-process (DJL) models run: {@code auto}, {@code cpu} or {@code gpu}. */
    public static final String DEVICE = "gauntlet.device";
    public static final String DEVICE_DEFAULT = "auto";

    /** The {@code learned-orm} judge's model folder (written by the djl {@code train-orm} command). */
    public static final String JUDGE_LEARNED_ORM_MODEL = "judge.learnedOrm.model";
}
