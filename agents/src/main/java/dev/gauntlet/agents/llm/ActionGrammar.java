package dev.gauntlet.agents.llm;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.ConfigException;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * An action grammar the {@code llm} agent can prompt for and parse: what the model is told it may write, and how its
 * reply becomes an {@link Action}. Built in: {@code browsergym} and {@code webarena} ({@code click [12]}). Other
 * grammars (WebShop's {@code search[...]}) are added by listing an implementation in
 * {@code META-INF/services/dev.gauntlet.agents.llm.ActionGrammar}; the agent picks one with {@code grammar=name}.
 */
public interface ActionGrammar {

    /** Returns the name used in {@code grammar=}. */
    String name();

    /** Returns the prompt text that lists the actions and their syntax. */
    String instructions();

    /** Returns one action written in this grammar, for the prompt's example reply. */
    default String example() {
        return "click('12')";
    }

    /** Parses the model's action text; returns {@link Action.Invalid} with a reason when it cannot. */
    Action parse(String text);

    /** Returns the grammar of this name, built-in or registered, or throws a {@link ConfigException} listing them. */
    static ActionGrammar named(String name) {
        Map<String, ActionGrammar> all = new TreeMap<>();
        all.put(BrowserGymGrammar.NAME, new BrowserGymGrammar());
        all.put(WebArenaGrammar.NAME, new WebArenaGrammar());
        for (ActionGrammar g : ServiceLoader.load(ActionGrammar.class)) {
            all.put(g.name(), g);
        }
        ActionGrammar g = all.get(name);
        if (g == null) {
            throw new ConfigException("agent 'llm': unknown grammar '" + name + "'; available: " + all.keySet());
        }
        return g;
    }
}
