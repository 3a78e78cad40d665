package dev.gauntlet.agents;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.ActionGrammar;
import dev.gauntlet.api.Agent;
import dev.gauntlet.api.Observation;
import dev.gauntlet.api.Step;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * WebShop's rule baseline: search the instruction as typed, open the first result, buy it without choosing options.
 * It reads the shop's {@code clickables} view from the observation and speaks WebShop's native grammar, so it runs on
 * the built-in shop and an upstream server alike. The paper's rule baseline lands near 10% success.
 */
public final class WebShopRuleAgent implements Agent {

    /** Product ids as the results page lists them: ten letters and digits, at least one digit. */
    private static final Pattern PRODUCT_ID = Pattern.compile("(?=.*\\d)[a-z0-9]{10}");
    private static final int MAX_QUERY = 500;

    private boolean searched;
    private boolean opened;

    @Override
    public String name() {
        return "rule";
    }

    @Override
    public Action act(Observation observation, List<Step> history) {
        List<String> clickables = clickables(observation);
        if (!searched) {
            searched = true;
            String query = observation.instruction().toLowerCase(Locale.ROOT).replaceAll("[\\[\\]]", " ").strip();
            return webshop("search[" + (query.length() > MAX_QUERY ? query.substring(0, MAX_QUERY) : query) + "]");
        }
        if (!opened) {
            for (String c : clickables) {
                if (PRODUCT_ID.matcher(c).matches()) {
                    opened = true;
                    return webshop("click[" + c + "]");
                }
            }
            return new Action.Answer(""); // nothing found: give up
        }
        if (clickables.contains("buy now")) {
            return webshop("click[buy now]");
        }
        return new Action.Answer("");
    }

    private static List<String> clickables(Observation observation) {
        Object value = observation.extras().get("clickables");
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    private static Action webshop(String text) {
        return new Action.Native(ActionGrammar.webShop().name(), text);
    }
}
