package dev.gauntlet.engine;

import dev.gauntlet.api.ConfigException;

import java.util.LinkedHashMap;
import java.util.Map;

/** An agent selection {@code name} or {@code name:key=value,key=value}. */
record AgentSpec(String name, Map<String, String> args, String text) {

    static AgentSpec parse(String text) {
        String t = text.trim();
        int colon = t.indexOf(':');
        String name = colon < 0 ? t : t.substring(0, colon).trim();
        Map<String, String> args = new LinkedHashMap<>();
        if (colon >= 0) {
            for (String part : t.substring(colon + 1).split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    throw new ConfigException("agent '" + text + "': argument '" + part.trim()
                            + "' must look like key=value");
                }
                args.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        if (name.isEmpty()) {
            throw new ConfigException("agent spec '" + text + "' has no name");
        }
        return new AgentSpec(name, Map.copyOf(args), t);
    }
}
