package dev.gauntlet.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Core's configuration keys, each declared once with its default, meaning and type; suites declare theirs in
 * {@link dev.gauntlet.suite.Suite#settings()}. The key names are in {@link Constants}; the README's table lists every
 * declared key. {@link #validate} reads them all before any episode runs.
 */
public final class Settings {

    private Settings() {}

    public static final Setting<String> SUITE = Setting.text(Constants.SUITE, Constants.SUITE_DEFAULT,
            "suite(s) to run: a name, comma-separated names, or `all`");
    public static final Setting<String> AGENT = Setting.text(Constants.AGENT, Constants.AGENT_DEFAULT,
            "`name` or `name:key=value,...`; several separated by `;`");
    public static final Setting<String> TASKS = Setting.text(Constants.TASKS, "",
            "comma-separated globs over task ids; `!glob` excludes");
    public static final Setting<String> SEEDS = Setting.text(Constants.SEEDS, "",
            "a count `n` (seeds 0..n-1), a list `3,7,11`, or a range `10..14`; default: the suite's");
    public static final Setting<Integer> WORKERS = Setting.integer(Constants.WORKERS, Constants.WORKERS_DEFAULT, 1,
            "parallel episodes; each worker owns one browser");
    public static final Setting<Integer> MAX_STEPS = Setting.integer(Constants.MAX_STEPS, Constants.MAX_STEPS_DEFAULT,
            0, "step limit per episode; `0` = the suite's default");
    public static final Setting<String> JUDGE = Setting.text(Constants.JUDGE, "",
            "judges to run after the oracle, comma-separated");
    public static final Setting<Double> MIN_SUCCESS = Setting.decimal(Constants.MIN_SUCCESS, "", 0, 1,
            "fail the build when the success rate is below this fraction");
    public static final Setting<String> SHARD = Setting.text(Constants.SHARD, "1/1",
            "run shard `i/n` of the tasks (round-robin, stable); default: the Slurm or Kubernetes array task, else `1/1`");
    public static final Setting<String> RESUME = Setting.text(Constants.RESUME, "",
            "continue a run in its folder: `runs/<id>`, a folder, or `latest`");
    public static final Setting<Integer> RETRY_BROKEN = Setting.integer(Constants.RETRY_BROKEN,
            Constants.RETRY_BROKEN_DEFAULT, 0, "on resume, rerun a broken episode up to this many times");
    public static final Setting<Integer> RETRY_BLOCKED = Setting.integer(Constants.RETRY_BLOCKED,
            Constants.RETRY_BLOCKED_DEFAULT, 0, "on resume, rerun a blocked episode up to this many times");
    public static final Setting<String> RUN_ID = Setting.text(Constants.RUN_ID, "",
            "a fixed run id; an array's shards share it and write `<runId>/shard-<i>-of-<n>/`");
    public static final Setting<Integer> STEP_TIMEOUT_S = Setting.integer(Constants.STEP_TIMEOUT_S,
            Constants.STEP_TIMEOUT_S_DEFAULT, 0, "seconds an agent may take per step; `0` = no limit");
    public static final Setting<Integer> EPISODE_TIMEOUT_S = Setting.integer(Constants.EPISODE_TIMEOUT_S,
            Constants.EPISODE_TIMEOUT_S_DEFAULT, 0, "seconds an episode may take; `0` = no limit");
    public static final Setting<String> RUNS_DIR = Setting.text(Constants.RUNS_DIR, Constants.RUNS_DIR_DEFAULT,
            "folder holding one sub-folder per run");
    public static final Setting<String> LEADERBOARD = Setting.text(Constants.LEADERBOARD,
            Constants.LEADERBOARD_DEFAULT, "leaderboard file regenerated after each run; `off` disables it");
    public static final Setting<Screenshots> SCREENSHOTS = Setting.choice(Constants.SCREENSHOTS,
            Constants.SCREENSHOTS_DEFAULT, Screenshots.class, "when to save what the agent saw");
    public static final Setting<ScreenshotFormat> SCREENSHOTS_FORMAT = Setting.choice(Constants.SCREENSHOTS_FORMAT,
            Constants.SCREENSHOTS_FORMAT_DEFAULT, ScreenshotFormat.class, "how saved screenshots are stored");
    public static final Setting<Integer> SCREENSHOTS_QUALITY = Setting.integer(Constants.SCREENSHOTS_QUALITY,
            Constants.SCREENSHOTS_QUALITY_DEFAULT, 1, 100, "JPEG quality of saved screenshots");
    public static final Setting<String> BROWSER_PATH = Setting.text(Constants.BROWSER_PATH, "",
            "Chromium executable; default: discover a system Chromium");
    public static final Setting<String> BROWSER_ENDPOINT = Setting.text(Constants.BROWSER_ENDPOINT, "",
            "connect to a remote browser instead of launching one");
    public static final Setting<Boolean> BROWSER_HEADLESS = Setting.bool(Constants.BROWSER_HEADLESS,
            Constants.BROWSER_HEADLESS_DEFAULT, "run the browser headless");
    public static final Setting<String> BROWSER_ARGS = Setting.text(Constants.BROWSER_ARGS, "",
            "extra Chromium flags for a launched browser, space-separated").checked(Settings::chromiumFlags);
    public static final Setting<Integer> ACTION_TIMEOUT_MS = Setting.integer(Constants.ACTION_TIMEOUT_MS,
            Constants.ACTION_TIMEOUT_MS_DEFAULT, 0, "how long an action waits for its element");
    public static final Setting<Integer> NAVIGATION_TIMEOUT_MS = Setting.integer(Constants.NAVIGATION_TIMEOUT_MS,
            Constants.NAVIGATION_TIMEOUT_MS_DEFAULT, 0, "page navigation timeout");
    public static final Setting<String> FENCE_ALLOW = Setting.text(Constants.FENCE_ALLOW, "",
            "origins (`http://host:port`) or domains (`*.example.com`) every task's browser may reach besides the "
                    + "task's own, comma-separated; `*` switches the fence off");
    public static final Setting<String> RUN_LABEL = Setting.text(Constants.RUN_LABEL, "", "free-text label of the run");
    public static final Setting<Boolean> REPORT_HTML = Setting.bool(Constants.REPORT_HTML,
            Constants.REPORT_HTML_DEFAULT, "generate the offline HTML report");
    public static final Setting<String> REPORT_ALLURE_HOME = Setting.text(Constants.REPORT_ALLURE_HOME, "",
            "an unpacked allure-commandline to use");

    public static final Setting<String> LLM_BASE_URL = Setting.text(Constants.LLM_BASE_URL, "",
            "OpenAI-compatible base URL");
    public static final Setting<String> LLM_MODEL = Setting.text(Constants.LLM_MODEL, "", "model name");
    public static final Setting<String> LLM_API_KEY_ENV = Setting.text(Constants.LLM_API_KEY_ENV,
            Constants.LLM_API_KEY_ENV_DEFAULT, "environment variable holding the API key");
    public static final Setting<Integer> LLM_TIMEOUT_S = Setting.integer(Constants.LLM_TIMEOUT_S,
            Constants.LLM_TIMEOUT_S_DEFAULT, 1, "seconds to wait for a connection and each answer");
    public static final Setting<Integer> LLM_MAX_RETRIES = Setting.integer(Constants.LLM_MAX_RETRIES,
            Constants.LLM_MAX_RETRIES_DEFAULT, 0, "retries after 429, 5xx, a timeout or a dropped connection");
    public static final Setting<Integer> LLM_MAX_CONCURRENCY = Setting.integer(Constants.LLM_MAX_CONCURRENCY,
            Constants.LLM_MAX_CONCURRENCY_DEFAULT, 1, "requests in flight at once per base URL");
    public static final Setting<String> LLM_CACHE_DIR = Setting.text(Constants.LLM_CACHE_DIR, "",
            "response cache folder; `off` disables");
    public static final Setting<Double> LLM_TEMPERATURE = Setting.decimal(Constants.LLM_TEMPERATURE,
            Constants.LLM_TEMPERATURE_DEFAULT, 0, 2, "sampling temperature");
    public static final Setting<Integer> LLM_SEED = Setting.integer(Constants.LLM_SEED, "", Integer.MIN_VALUE,
            "sampling seed");
    public static final Setting<Integer> LLM_MAX_TOKENS = Setting.integer(Constants.LLM_MAX_TOKENS,
            Constants.LLM_MAX_TOKENS_DEFAULT, 1, "completion token limit per call");
    public static final Setting<Double> LLM_PRICE_IN = Setting.decimal(Constants.LLM_PRICE_IN,
            Constants.LLM_PRICE_IN_DEFAULT, 0, Double.MAX_VALUE, "US dollars per million prompt tokens");
    public static final Setting<Double> LLM_PRICE_OUT = Setting.decimal(Constants.LLM_PRICE_OUT,
            Constants.LLM_PRICE_OUT_DEFAULT, 0, Double.MAX_VALUE, "US dollars per million completion tokens");
    public static final Setting<String> JUDGE_MODEL = Setting.text(Constants.JUDGE_MODEL, "", "model override for judges");
    public static final Setting<String> JUDGE_BASE_URL = Setting.text(Constants.JUDGE_BASE_URL, "",
            "server override for judges");
    public static final Setting<String> JUDGE_API_KEY_ENV = Setting.text(Constants.JUDGE_API_KEY_ENV, "",
            "key variable override for judges");
    public static final Setting<Double> JUDGE_PRICE_IN = Setting.decimal(Constants.JUDGE_PRICE_IN, "", 0,
            Double.MAX_VALUE, "judges' price per million prompt tokens");
    public static final Setting<Double> JUDGE_PRICE_OUT = Setting.decimal(Constants.JUDGE_PRICE_OUT, "", 0,
            Double.MAX_VALUE, "judges' price per million completion tokens");
    public static final Setting<Integer> JUDGE_SCREENSHOTS = Setting.integer(Constants.JUDGE_SCREENSHOTS,
            Constants.JUDGE_SCREENSHOTS_DEFAULT, 0, "how many of the last screenshots a screenshot-reading judge "
                    + "sees; unset = each judge's protocol");
    public static final Setting<Double> JUDGE_ORM_THRESHOLD = Setting.decimal(Constants.JUDGE_ORM_THRESHOLD,
            Constants.JUDGE_ORM_THRESHOLD_DEFAULT, 0, 1, "the orm judge's P(YES) threshold");
    /** How a judge's unreadable reply counts. */
    public static final Setting<Unreadable> JUDGE_UNREADABLE = Setting.choice(Constants.JUDGE_UNREADABLE, "upstream",
            Unreadable.class, "how an unreadable judge reply counts: as the judge's published script counts it, or unscored");
    public static final Setting<Integer> JUDGE_WEBJUDGE_THRESHOLD = Setting.integer(Constants.JUDGE_WEBJUDGE_THRESHOLD,
            "3", 1, "WebJudge keeps screenshots whose relevance score is at least this").checked(n -> n > 5 ? "1 to 5" : null);
    public static final Setting<Boolean> JUDGE_AXTREE_SCREENSHOT = Setting.bool(Constants.JUDGE_AXTREE_SCREENSHOT,
            "false", "the axtree judge also sees the last screenshot");
    /** Each judge's prompt template file ({@code judge.<name>.prompt}), with the sections it may replace. */
    public static final Setting<PromptTemplate> JUDGE_WEBVOYAGER_PROMPT = PromptTemplate.setting("judge.webvoyager.prompt",
            List.of("system", "user", "after_images"), "template replacing the webvoyager judge's prompt");
    public static final Setting<PromptTemplate> JUDGE_EVAL_REFINE_PROMPT = PromptTemplate.setting("judge.eval-refine.prompt",
            List.of("system", "user"), "template replacing the eval-refine judge's prompt");
    public static final Setting<PromptTemplate> JUDGE_AXTREE_PROMPT = PromptTemplate.setting("judge.axtree.prompt",
            List.of("system", "user", "after_images"), "template replacing the axtree judge's prompt");
    public static final Setting<PromptTemplate> JUDGE_WEBJUDGE_PROMPT = PromptTemplate.setting("judge.webjudge.prompt",
            List.of("key_points.system", "key_points.user", "relevance.system", "relevance.user", "final.system",
                    "final.user", "final.user_no_images"), "template replacing the webjudge judge's prompts");
    public static final Setting<PromptTemplate> JUDGE_ORM_PROMPT = PromptTemplate.setting("judge.orm.prompt",
            List.of("system", "user"), "template replacing the orm judge's prompt");

    /** How a judge's reply that gives no readable verdict counts. */
    public enum Unreadable {
        /** As the judge's published script counts it (a failure for most; no verdict for WebVoyager's). */
        UPSTREAM,
        /** Always unscored. */
        UNSCORED
    }

    public static final Setting<ModelDevice> DEVICE = Setting.choice(Constants.DEVICE, Constants.DEVICE_DEFAULT,
            ModelDevice.class, "where in-process (DJL) models run");
    public static final Setting<String> JUDGE_LEARNED_ORM_MODEL = Setting.text(Constants.JUDGE_LEARNED_ORM_MODEL, "",
            "the learned-orm judge's model folder");

    /** Every core key, in README order. */
    public static final List<Setting<?>> ALL = List.of(SUITE, AGENT, TASKS, SEEDS, WORKERS, MAX_STEPS, JUDGE,
            MIN_SUCCESS, SHARD, RESUME, RETRY_BROKEN, RETRY_BLOCKED, RUN_ID, STEP_TIMEOUT_S, EPISODE_TIMEOUT_S, RUNS_DIR,
            LEADERBOARD, SCREENSHOTS, SCREENSHOTS_FORMAT, SCREENSHOTS_QUALITY, BROWSER_PATH, BROWSER_ENDPOINT,
            BROWSER_HEADLESS, BROWSER_ARGS,
            ACTION_TIMEOUT_MS, NAVIGATION_TIMEOUT_MS, RUN_LABEL, REPORT_HTML, REPORT_ALLURE_HOME, LLM_BASE_URL,
            LLM_MODEL, LLM_API_KEY_ENV, LLM_TIMEOUT_S, LLM_MAX_RETRIES, LLM_MAX_CONCURRENCY, LLM_CACHE_DIR,
            LLM_TEMPERATURE, LLM_SEED, LLM_MAX_TOKENS, LLM_PRICE_IN, LLM_PRICE_OUT, JUDGE_MODEL, JUDGE_BASE_URL,
            JUDGE_API_KEY_ENV, JUDGE_PRICE_IN, JUDGE_PRICE_OUT, JUDGE_SCREENSHOTS, JUDGE_ORM_THRESHOLD,
            JUDGE_UNREADABLE, JUDGE_WEBJUDGE_THRESHOLD, JUDGE_AXTREE_SCREENSHOT, JUDGE_WEBVOYAGER_PROMPT,
            JUDGE_EVAL_REFINE_PROMPT, JUDGE_AXTREE_PROMPT, JUDGE_WEBJUDGE_PROMPT, JUDGE_ORM_PROMPT, DEVICE,
            JUDGE_LEARNED_ORM_MODEL, FENCE_ALLOW);

    /** Returns {@code gauntlet.browser.args} as a list of flags (empty when unset). */
    public static List<String> browserArgs(Config config) {
        return flags(BROWSER_ARGS.read(config));
    }

    private static List<String> flags(String value) {
        String v = java.util.Objects.requireNonNullElse(value, "").strip();
        return v.isEmpty() ? List.of() : List.of(v.split("\\s+"));
    }

    private static String chromiumFlags(String value) {
        return flags(value).stream().filter(f -> !f.startsWith("--")).findFirst()
                .map(f -> "each flag starts with -- ('" + f + "' does not)").orElse(null);
    }

    /**
     * Reads every key of {@code settings} from {@code config} and returns one line per bad value (key, value, what
     * is allowed); empty when all are good.
     */
    public static List<String> validate(Config config, List<Setting<?>> settings) {
        Set<String> errors = new LinkedHashSet<>();
        for (Setting<?> s : settings) {
            try {
                s.read(config);
            } catch (ConfigException e) {
                errors.add(e.getMessage());
            }
        }
        return new ArrayList<>(errors);
    }
}
