package dev.gauntlet.api;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * An action grammar: how an agent writes its actions as text, and how that text becomes an {@link Action}. Built in:
 * {@code browsergym} ({@code click('12')}), {@code webarena} ({@code click [12]}) and {@code webshop}
 * ({@code search[socks]}). Others are added by listing an implementation in
 * {@code META-INF/services/dev.gauntlet.api.ActionGrammar}; the {@code llm} agent picks one with {@code grammar=name}.
 */
public interface ActionGrammar {

    /** Returns the grammar's name, as {@code grammar=} takes it. */
    String name();

    /** Returns the text that teaches a model the grammar: each action, its syntax and what it does. */
    String instructions();

    /** Returns one action written in this grammar, for a prompt's example reply. */
    String example();

    /** Parses one action; never throws: returns an {@link Action.Invalid} saying what was wrong instead. */
    Action parse(String text);

    /** Returns BrowserGym's function-call grammar, {@code click('12')}, the form {@link Action#toString()} writes. */
    static ActionGrammar browserGym() {
        return BrowserGymGrammar.INSTANCE;
    }

    /**
     * {@code webarena.grammar}: how the {@code webarena} grammar reads output: {@code strict} as upstream (the
     * default), or {@code lenient} (the {@code webarena-lenient} grammar).
     */
    Setting<String> WEBARENA_GRAMMAR = Setting.text("webarena.grammar", "strict",
            "how the `webarena` action grammar reads a model's output: `strict` as upstream (first ``` fenced block "
                    + "required, case-sensitive names, digit ids, a stop answer on one line) or `lenient`")
            .checked(v -> v.equals("strict") || v.equals("lenient") ? null : "strict or lenient");

    /**
     * Returns WebArena's grammar, {@code click [12]}, {@code type [7] [text] [1]}, {@code stop [answer]}, reading
     * output as upstream does (a fenced block required).
     */
    static ActionGrammar webArena() {
        return WebArenaGrammar.STRICT;
    }

    /**
     * Returns the grammar of this name, with {@code webarena} read as {@link #WEBARENA_GRAMMAR} says in
     * {@code config}.
     *
     * @throws ConfigException for an unknown name or a bad {@code webarena.grammar}
     */
    static ActionGrammar named(String name, Config config) {
        ActionGrammar g = named(name);
        return g == WebArenaGrammar.STRICT && "lenient".equals(WEBARENA_GRAMMAR.read(config))
                ? WebArenaGrammar.LENIENT : g;
    }

    /** Returns WebShop's grammar, {@code search[keywords]} and {@code click[value]}, with BrowserGym's calls. */
    static ActionGrammar webShop() {
        return WebShopGrammar.INSTANCE;
    }

    /**
     * Returns the grammar of this name, built-in or registered.
     *
     * @throws ConfigException for an unknown name; the message lists the available ones
     */
    static ActionGrammar named(String name) {
        Map<String, ActionGrammar> all = new TreeMap<>();
        for (ActionGrammar g : new ActionGrammar[] {browserGym(), webArena(), WebArenaGrammar.LENIENT, webShop()}) {
            all.put(g.name(), g);
        }
        for (ActionGrammar g : ServiceLoader.load(ActionGrammar.class)) {
            all.put(g.name(), g);
        }
        ActionGrammar g = name == null ? null : all.get(name);
        if (g == null) {
            throw new ConfigException("unknown action grammar '" + name + "'; available: " + all.keySet());
        }
        return g;
    }
}
