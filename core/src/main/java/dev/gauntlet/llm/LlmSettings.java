package dev.gauntlet.llm;

import dev.gauntlet.api.Config;
import dev.gauntlet.api.ConfigException;
import dev.gauntlet.api.Constants;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the run's {@code llm.*} configuration, with a user's per-use overrides ({@code llm:model=...,base_url=...}),
 * into {@link ChatClient.Options}.
 */
public final class LlmSettings {

    /** The override keys, each standing for {@code llm.<key>}. */
    public static final Set<String> KEYS = Set.of("model", "base_url", "api_key_env", "timeout_s", "max_retries",
            "max_concurrency", "cache_dir", "temperature", "seed", "max_tokens", "price_in", "price_out");

    private LlmSettings() {}

    /**
     * Returns the options of {@code config} with {@code overrides} (short keys of {@link #KEYS}) winning.
     *
     * @throws ConfigException when an override key is unknown or a number is malformed
     */
    public static ChatClient.Options options(Config config, Map<String, String> overrides) {
        for (String k : overrides.keySet()) {
            if (!KEYS.contains(k)) {
                throw new ConfigException("unknown model setting '" + k + "'; known: " + new java.util.TreeSet<>(KEYS));
            }
        }
        Config c = config.with(prefixed(overrides));
        ChatClient.Options o = new ChatClient.Options()
                .setBaseUrl(c.get(Constants.LLM_BASE_URL).orElse(null))
                .setModel(c.get(Constants.LLM_MODEL).orElse(null))
                .setApiKeyEnv(c.get(Constants.LLM_API_KEY_ENV, Constants.LLM_API_KEY_ENV_DEFAULT))
                .setTimeout(Duration.ofSeconds(c.getLong(Constants.LLM_TIMEOUT_S, Constants.LLM_TIMEOUT_S_DEFAULT)))
                .setMaxRetries(c.getInt(Constants.LLM_MAX_RETRIES, Constants.LLM_MAX_RETRIES_DEFAULT))
                .setMaxConcurrency(c.getInt(Constants.LLM_MAX_CONCURRENCY, Constants.LLM_MAX_CONCURRENCY_DEFAULT))
                .setTemperature(number(c, Constants.LLM_TEMPERATURE, Constants.LLM_TEMPERATURE_DEFAULT))
                .setMaxTokens(c.getInt(Constants.LLM_MAX_TOKENS, Constants.LLM_MAX_TOKENS_DEFAULT));
        c.get(Constants.LLM_SEED).ifPresent(s -> o.setSeed(c.getLong(Constants.LLM_SEED, s)));
        double in = number(c, Constants.LLM_PRICE_IN, Constants.LLM_PRICE_IN_DEFAULT);
        double out = number(c, Constants.LLM_PRICE_OUT, Constants.LLM_PRICE_OUT_DEFAULT);
        if (in < 0 || out < 0) {
            throw new ConfigException("'" + (in < 0 ? Constants.LLM_PRICE_IN : Constants.LLM_PRICE_OUT)
                    + "' must be 0 or more (US dollars per million tokens)");
        }
        o.setPrices(in, out);
        o.setCacheDir(cacheDir(c));
        return o;
    }

    /**
     * Returns the judges' settings: the run's {@code llm.*} with {@code judge.model}, {@code judge.base_url},
     * {@code judge.api_key_env}, {@code judge.price_in} and {@code judge.price_out} winning where set.
     */
    public static ChatClient.Options judgeOptions(Config config) {
        Map<String, String> overrides = new java.util.HashMap<>();
        for (String key : List.of("model", "base_url", "api_key_env", "price_in", "price_out")) {
            config.get("judge." + key).ifPresent(v -> overrides.put(key, v));
        }
        return options(config, overrides);
    }

    /** Returns the cache folder: {@code llm.cache_dir}, else {@code <runsDir>/.llm-cache}; null when {@code off}. */
    public static Path cacheDir(Config config) {
        String dir = config.get(Constants.LLM_CACHE_DIR).orElse(null);
        if (dir == null) {
            return Path.of(config.get(Constants.RUNS_DIR, Constants.RUNS_DIR_DEFAULT)).resolve(".llm-cache");
        }
        return dir.equalsIgnoreCase(Constants.LLM_CACHE_DIR_OFF) ? null : Path.of(dir);
    }

    /**
     * Returns what is missing to reach a model ({@code "set -Dllm.base_url=..."}), or null when base URL and model
     * are both configured.
     */
    public static String missing(ChatClient.Options options) {
        if (options.baseUrl == null || options.baseUrl.isBlank()) {
            return "no model server configured: set -D" + Constants.LLM_BASE_URL + "=http://host:port/v1";
        }
        if (options.model == null || options.model.isBlank()) {
            return "no model configured: set -D" + Constants.LLM_MODEL + "=<name the server knows>";
        }
        return null;
    }

    private static Map<String, String> prefixed(Map<String, String> overrides) {
        Map<String, String> out = new java.util.HashMap<>();
        overrides.forEach((k, v) -> out.put("llm." + k, v));
        return out;
    }

    private static Double number(Config c, String key, String def) {
        String raw = c.get(key, def);
        try {
            return Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw new ConfigException(key, raw, "a number");
        }
    }
}
