package dev.gauntlet.api;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WebShop's grammar: {@code search[keywords]} and {@code click[value]} become {@link Action.Native} actions of grammar
 * {@code webshop}, which the WebShop suite's episode performs; other text is read as a BrowserGym call, so generic
 * actions stay available. The value is kept as written; the episode lower-cases it, as upstream does.
 *
 * <p>It lives in core, not in the WebShop suite, because agents speak it and agents never depend on suites.
 */
final class WebShopGrammar implements ActionGrammar {

    static final WebShopGrammar INSTANCE = new WebShopGrammar();

    private static final Pattern NATIVE = Pattern.compile("\\b(search|click)\\[(.*)]", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private WebShopGrammar() {}

    @Override
    public String name() {
        return "webshop";
    }

    @Override
    public String instructions() {
        return """
                Actions (a value is the text of a button or link as the page shows it; case does not matter):
                search[red cotton socks]   search the shop for these keywords (only where there is a search box)
                click[b09abc1234]          open the product with this id from the search results
                click[large]               choose one of the product's options (size, colour, ...)
                click[description]         show a tab of the product page (description, features, reviews, attributes)
                click[next >]  click[< prev]  click[back to search]
                                           move between result pages, or start a new search
                click[buy now]             buy the product shown, with the options chosen; this ends the task
                send_msg_to_user('')       give up without buying""";
    }

    @Override
    public String example() {
        return "search[red cotton socks]";
    }

    @Override
    public Action parse(String text) {
        if (text == null || text.isBlank()) {
            return new Action.Invalid(String.valueOf(text), "empty output");
        }
        Matcher m = NATIVE.matcher(text);
        if (m.find()) {
            return new Action.Native(name(), m.group(1).toLowerCase(Locale.ROOT) + "[" + m.group(2) + "]");
        }
        Action generic = BrowserGymGrammar.INSTANCE.parse(text);
        return generic instanceof Action.Invalid invalid
                ? new Action.Invalid(text, "neither search[keywords] nor click[value] nor a generic call: "
                        + invalid.reason())
                : generic;
    }
}
