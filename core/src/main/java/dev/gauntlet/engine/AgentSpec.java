package dev.gauntlet.engine;

import dev.gauntlet.api.ConfigException;
import dev.gauntlet.api.SpecArguments;

import java.util.Map;

/** An agent selection {@code name} or {@code name:key=value,key=value}. */
record AgentSpec(String name, Map<String, String> args, String text) {

    static AgentSpec parse(String text) {
        Map<String, String> args = SpecArguments.parse("agent", text);
        String name = SpecArguments.name(text);
        if (name.isEmpty()) {
            throw new ConfigException("agent spec '" + text + "' has no name");
        }
        return new AgentSpec(name, Map.copyOf(args), text.trim());
    }
}
