package dev.gauntlet.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One configuration key, declared once with its default and meaning, and read into a typed value. A bad value is a
 * {@link ConfigException} naming the key, the value and what is allowed. Core's keys are in {@link Settings}; a
 * suite declares its own ({@link dev.gauntlet.suite.Suite#settings()}), and the README's table lists them all.
 *
 * @param key          the full key ({@code gauntlet.workers}, {@code miniwob.reward})
 * @param defaultValue the default as text ({@code ""} = unset)
 * @param meaning      one line for the README
 * @param parser       turns a non-empty value into the typed value, or throws naming what is allowed
 * @param <T>          the typed value
 */
public record Setting<T>(String key, String defaultValue, String meaning, Parser<T> parser) {

    /** Reads a value; throws {@link ConfigException} for a bad one. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(String key, String value);
    }

    public Setting {
        Objects.requireNonNull(key, "key");
        defaultValue = defaultValue == null ? "" : defaultValue;
        meaning = meaning == null ? "" : meaning;
    }

    /** Returns the value in {@code config}, or the default; {@code null} when both are unset. */
    public T read(Config config) {
        String raw = config.get(key).orElse(defaultValue);
        return raw.isBlank() ? null : parser.parse(key, raw.trim());
    }

    /** A free-text key. */
    public static Setting<String> text(String key, String defaultValue, String meaning) {
        return new Setting<>(key, defaultValue, meaning, (k, v) -> v);
    }

    /** A whole number of at least {@code min}. */
    public static Setting<Integer> integer(String key, String defaultValue, int min, String meaning) {
        return new Setting<>(key, defaultValue, meaning, (k, v) -> {
            int n;
            try {
                n = Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new ConfigException(k, v, "a whole number" + (min > Integer.MIN_VALUE ? ", " + min + " or more" : ""));
            }
            if (n < min) {
                throw new ConfigException(k, v, min + " or more");
            }
            return n;
        });
    }

    /** A whole number in {@code [min, max]}. */
    public static Setting<Integer> integer(String key, String defaultValue, int min, int max, String meaning) {
        Setting<Integer> atLeast = integer(key, defaultValue, min, meaning);
        return new Setting<>(key, defaultValue, meaning, (k, v) -> {
            int n = atLeast.parser().parse(k, v);
            if (n > max) {
                throw new ConfigException(k, v, "a whole number from " + min + " to " + max);
            }
            return n;
        });
    }

    /** A number in {@code [min, max]}. */
    public static Setting<Double> decimal(String key, String defaultValue, double min, double max, String meaning) {
        return new Setting<>(key, defaultValue, meaning, (k, v) -> {
            try {
                double d = Double.parseDouble(v);
                if (d >= min && d <= max) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // below
            }
            throw new ConfigException(k, v, "a number from " + num(min) + " to " + num(max));
        });
    }

    /** {@code true}/{@code false} (also yes/no, on/off, 1/0). */
    public static Setting<Boolean> bool(String key, String defaultValue, String meaning) {
        return new Setting<>(key, defaultValue, meaning, (k, v) -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new ConfigException(k, v, "true or false");
        });
    }

    /** One of an enum's values, written in lower case with dashes ({@code TEXT_RICH} is {@code text-rich} or {@code text_rich}). */
    public static <E extends Enum<E>> Setting<E> choice(String key, String defaultValue, Class<E> type, String meaning) {
        return new Setting<>(key, defaultValue, meaning, (k, v) -> {
            String wanted = v.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(wanted)) {
                    return e;
                }
            }
            throw new ConfigException(k, v, "one of " + choices(type));
        });
    }

    /** Returns an enum's values as users write them ({@code steps, final, none}). */
    public static String choices(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Setting::spelling).collect(Collectors.joining(", "));
    }

    /** Returns how users write an enum value ({@code TEXT_RICH} → {@code text_rich}). */
    public static String spelling(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** Returns a copy whose parsed value must also pass {@code check}, which returns an error text or null. */
    public Setting<T> checked(Function<T, String> check) {
        Parser<T> inner = parser;
        return new Setting<>(key, defaultValue, meaning, (k, v) -> {
            T value = inner.parse(k, v);
            String error = check.apply(value);
            if (error != null) {
                throw new ConfigException(k, v, error);
            }
            return value;
        });
    }

    private static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
