package dev.gauntlet.api;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Resolved configuration of one run: every key of {@link Constants} plus any suite- or agent-specific key.
 *
 * <p>Built once per run from the JUnit configuration parameters (which already merge
 * {@code junit-platform.properties} and system properties), the environment and the short command-line aliases.
 */
public final class Config {

    /** Short command-line names and the keys they stand for. */
    public static final Map<String, String> ALIASES = Map.of(
            "suite", Constants.SUITE,
            "agent", Constants.AGENT,
            "tasks", Constants.TASKS,
            "seeds", Constants.SEEDS,
            "workers", Constants.WORKERS,
            "maxSteps", Constants.MAX_STEPS,
            "judge", Constants.JUDGE,
            "split", "webshop.split");

    private static final Set<String> SECRET_WORDS = Set.of("key", "secret", "password", "token", "credential");

    private final Function<String, Optional<String>> source;
    private final Map<String, String> environment;
    private final Map<String, String> overrides;

    private Config(Function<String, Optional<String>> source, Map<String, String> environment,
                   Map<String, String> overrides) {
        this.source = source;
        this.environment = environment;
        this.overrides = overrides;
    }

    /** Returns a configuration reading {@code parameters} (JUnit's), the process environment and system properties. */
    public static Config from(Function<String, Optional<String>> parameters) {
        return new Config(parameters, System.getenv(), Map.of());
    }

    /** Returns a configuration of exactly these values (tests, tools). */
    public static Config of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return new Config(k -> Optional.ofNullable(copy.get(k)), Map.of(), Map.of());
    }

    /** Returns a copy where {@code values} win over everything else. */
    public Config with(Map<String, String> values) {
        Map<String, String> merged = new TreeMap<>(overrides);
        merged.putAll(values);
        return new Config(source, environment, Collections.unmodifiableMap(merged));
    }

    /** Returns the value of {@code key}, or empty when unset or blank. */
    public Optional<String> get(String key) {
        String value = overrides.get(key);
        if (value == null) {
            value = shortAlias(key);
        }
        if (value == null && System.getProperty(key) != null) {
            // JUnit's parameters rank explicit launcher parameters above system properties; keep that order
            value = source.apply(key).orElse(System.getProperty(key));
        }
        if (value == null) {
            value = environment.get(envName(key));
        }
        if (value == null) {
            value = source.apply(key).orElse(null);
        }
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }

    public String get(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    /** Returns an int value; a non-number is a {@link ConfigException} naming the key. */
    public int getInt(String key, String defaultValue) {
        long value = getLong(key, defaultValue);
        if (value != (int) value) {
            throw new ConfigException(key, Long.toString(value), "a whole number below 2^31");
        }
        return (int) value;
    }

    public long getLong(String key, String defaultValue) {
        String raw = get(key, defaultValue);
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new ConfigException(key, raw, "a whole number");
        }
    }

    public boolean getBoolean(String key, String defaultValue) {
        String raw = get(key, defaultValue).toLowerCase(Locale.ROOT);
        return switch (raw) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new ConfigException(key, raw, "true or false");
        };
    }


    /** Tells whether a key's value must never be written anywhere. */
    public static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        if (lower.endsWith("_env") || lower.endsWith(".env")) {
            return false; // names an environment variable, not the secret itself
        }
        return SECRET_WORDS.stream().anyMatch(lower::contains);
    }

    private String shortAlias(String key) {
        for (Map.Entry<String, String> e : ALIASES.entrySet()) {
            if (e.getValue().equals(key)) {
                String v = System.getProperty(e.getKey());
                if (v != null && !v.isBlank()) {
                    return v;
                }
            }
        }
        return null;
    }

    static String envName(String key) {
        StringBuilder sb = new StringBuilder();
        String k = key.startsWith("gauntlet.") ? key : "gauntlet." + key;
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(k.charAt(i - 1))) {
                sb.append('_');
            }
            sb.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return sb.toString();
    }
}
