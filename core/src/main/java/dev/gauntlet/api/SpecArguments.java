package dev.gauntlet.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The arguments of an agent or judge selection, {@code name:key=value,key=value}: read the same way for both, so
 * {@code -Dagent=} and {@code -Djudge=} take arguments alike.
 */
public final class SpecArguments {

    private SpecArguments() {}

    /**
     * Returns the {@code key=value} arguments after the first colon of {@code text} (none without a colon), in order;
     * a part without {@code =} is one line naming the {@code kind} ("agent", "judge"), the selection and the part.
     */
    public static Map<String, String> parse(String kind, String text) {
        String t = text.trim();
        int colon = t.indexOf(':');
        Map<String, String> args = new LinkedHashMap<>();
        if (colon >= 0) {
            for (String part : t.substring(colon + 1).split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    throw new ConfigException(kind + " '" + text + "': argument '" + part.trim()
                            + "' must look like key=value");
                }
                args.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        return args;
    }

    /** Returns the name before the first colon of {@code text}, trimmed. */
    public static String name(String text) {
        String t = text.trim();
        int colon = t.indexOf(':');
        return colon < 0 ? t : t.substring(0, colon).trim();
    }
}
