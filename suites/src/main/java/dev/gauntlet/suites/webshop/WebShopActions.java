package dev.gauntlet.suites.webshop;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.ActionParser;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parser of WebShop's native grammar, {@code search[keywords]} and {@code click[value]}, into
 * {@link Action.Native} actions of grammar {@code webshop}; other text is tried as a BrowserGym-style call, so
 * generic actions stay available. The value is kept as written; the episode lower-cases it, as upstream does.
 */
public final class WebShopActions implements ActionParser {

    /** The grammar name of WebShop's native actions. */
    public static final String GRAMMAR = "webshop";

    private static final Pattern NATIVE = Pattern.compile("\\b(search|click)\\[(.*)]", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    @Override
    public Action parse(String text) {
        if (text == null || text.isBlank()) {
            return new Action.Invalid(String.valueOf(text), "empty output");
        }
        Matcher m = NATIVE.matcher(text);
        if (m.find()) {
            return new Action.Native(GRAMMAR, m.group(1).toLowerCase(Locale.ROOT) + "[" + m.group(2) + "]");
        }
        return dev.gauntlet.api.BrowserGymActions.parseAction(text);
    }

    /** A parsed native action: {@code search} or {@code click} and its lower-cased argument. */
    record Parsed(String verb, String argument) {}

    /** Splits a native action's text; null when it is neither {@code search[...]} nor {@code click[...]}. */
    static Parsed split(String text) {
        Matcher m = NATIVE.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            return null;
        }
        return new Parsed(m.group(1).toLowerCase(Locale.ROOT), m.group(2).strip().toLowerCase(Locale.ROOT));
    }
}
