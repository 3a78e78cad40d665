package dev.gauntlet.api;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A run's configuration as its manifest records it (every core key with its default applied, plus the set system
 * properties of the run's suites, agents, judges and model server; secrets redacted), and the comparison that
 * resume and merge make between two of them.
 */
public final class RecordedConfiguration {

    /** The value written instead of a secret. */
    public static final String REDACTED = "***";

    /**
     * Keys that may differ between the invocations of one run (resume, workers, where runs go, the browser, reports)
     * or between the shards of one array (the shard itself).
     */
    public static final Set<String> MAY_DIFFER = Set.of(Constants.RESUME, Constants.RETRY_BROKEN, Constants.RETRY_BLOCKED, Constants.RUN_ID,
            Constants.WORKERS, Constants.RUNS_DIR, Constants.LEADERBOARD, Constants.SHARD, Constants.BROWSER_PATH,
            Constants.BROWSER_ENDPOINT, Constants.BROWSER_HEADLESS, Constants.REPORT_HTML,
            Constants.REPORT_ALLURE_HOME, Constants.RUN_LABEL, Constants.MIN_SUCCESS, Constants.LLM_MAX_CONCURRENCY,
            Constants.LLM_CACHE_DIR, Constants.STEP_TIMEOUT_S, Constants.EPISODE_TIMEOUT_S);

    private RecordedConfiguration() {}

    /** Returns the configuration of a run of these suites and agents as its manifest records it. */
    public static Map<String, String> of(Config config, Collection<String> suites, Collection<String> agents) {
        return of(config, systemKeysOf(suites, agents));
    }

    /** Returns every {@link Constants} key (default applied) and {@code extraKeys} that are set, secrets redacted. */
    public static Map<String, String> of(Config config, Set<String> extraKeys) {
        Map<String, String> out = new TreeMap<>();
        for (Field f : Constants.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != String.class || f.getName().endsWith("_DEFAULT")
                    || f.getName().endsWith("_OFF")) {
                continue;
            }
            try {
                String key = (String) f.get(null);
                String defaultValue = defaultOf(f.getName());
                config.get(key).or(() -> Optional.ofNullable(defaultValue)).ifPresent(v -> out.put(key, v));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        for (String key : extraKeys) {
            config.get(key).ifPresent(v -> out.put(key, v));
        }
        out.replaceAll((k, v) -> Config.isSecret(k) ? REDACTED
                : k.equals(Constants.AGENT) ? String.join(";", redactAgents(v)) : v);
        return out;
    }

    /**
     * Returns the keys whose values differ between a recorded configuration and another (a key missing on one side
     * differs), leaving out {@link #MAY_DIFFER} and redacted secrets; each as {@code key (was 'a', now 'b')}.
     */
    public static List<String> differences(Map<String, String> recorded, Map<String, String> now) {
        Set<String> keys = new TreeSet<>(recorded.keySet());
        keys.addAll(now.keySet());
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            String a = recorded.getOrDefault(key, "");
            String b = now.getOrDefault(key, "");
            if (MAY_DIFFER.contains(key) || a.equals(REDACTED) || b.equals(REDACTED) || a.equals(b)) {
                continue;
            }
            out.add(key + " (was '" + a + "', now '" + b + "')");
        }
        return out;
    }

    /** Redacts secret arguments of an agent spec: {@code llm:api_key=sk-1,model=x} → {@code llm:api_key=***,model=x}. */
    public static String redactAgent(String spec) {
        int colon = spec.indexOf(':');
        if (colon < 0) {
            return spec;
        }
        List<String> args = new ArrayList<>();
        for (String arg : spec.substring(colon + 1).split(",")) {
            int eq = arg.indexOf('=');
            args.add(eq > 0 && Config.isSecret(arg.substring(0, eq).trim()) ? arg.substring(0, eq + 1) + REDACTED : arg);
        }
        return spec.substring(0, colon + 1) + String.join(",", args);
    }

    private static List<String> redactAgents(String specs) {
        List<String> out = new ArrayList<>();
        for (String spec : specs.split(";")) {
            out.add(redactAgent(spec));
        }
        return out;
    }

    private static String defaultOf(String fieldName) {
        try {
            return (String) Constants.class.getField(fieldName + "_DEFAULT").get(null);
        } catch (NoSuchFieldException | IllegalAccessException e) {
            return null;
        }
    }

    /** Keys set as system properties that belong to a run: {@code gauntlet.*}, judges', and its suites' and agents'. */
    public static Set<String> systemKeysOf(Collection<String> suites, Collection<String> agents) {
        Set<String> prefixes = new TreeSet<>(List.of("gauntlet.", "judge.", "llm."));
        suites.forEach(s -> prefixes.add(s + "."));
        agents.forEach(a -> prefixes.add(a.split(":", 2)[0] + "."));
        Set<String> out = new TreeSet<>();
        for (String key : System.getProperties().stringPropertyNames()) {
            if (prefixes.stream().anyMatch(key::startsWith)) {
                out.add(key);
            }
        }
        return out;
    }
}
