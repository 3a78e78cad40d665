package dev.gauntlet.suites.webshop;


import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * WebShop's reward for buying a product:
 * {@code R = r_type × (N_attr + N_opt + 1[price ≤ cap]) / (|attrs| + |opts| + 1)}.
 *
 * <ul>
 *   <li>N_attr: a goal attribute counts when its fuzzy token-set ratio with some product attribute is above 85, else
 *       when it is a substring of the lower-cased title, bullet points (joined by a space) or description.</li>
 *   <li>N_opt: goal and chosen options are colour-normalised; a goal option counts when its token-set ratio with
 *       some chosen option is above 85.</li>
 *   <li>r_type: 1.0; 0.5 unless the queries are equal, or the category chains (split on '›') share at least two
 *       items, or the title score is above 0.2; 0.1 when the title score is below 0.1; 0.0 when it is 0. The title
 *       score is the share of the goal name's nouns found among the product name's nouns (0.2 when the goal name
 *       has none).</li>
 * </ul>
 *
 * <p>Inputs are plain maps so the shop and this evaluator share them as JSON. Goal: {@code name}, {@code query},
 * {@code product_category}, {@code attributes}, {@code goal_options}, {@code price_upper}. Purchase: {@code name},
 * {@code title}, {@code query}, {@code product_category}, {@code attributes}, {@code bullets}, {@code description},
 * {@code options} (option name → chosen value), {@code price}.
 */
public final class WebShopReward {

    /** A fuzzy match needs a token-set ratio strictly above this. */
    static final int FUZZY_THRESHOLD = 85;

    private WebShopReward() {}

    /** The reward and how it was reached. */
    public record Result(double reward, double rType, boolean queryMatch, boolean categoryMatch, double titleScore,
                         int attributeMatches, int attributeCount, int optionMatches, int optionCount,
                         boolean priceOk) {

        /** Returns the parts as a plain map (for the done page and verdict evidence). */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("reward", reward);
            m.put("r_type", rType);
            m.put("query_match", queryMatch);
            m.put("category_match", categoryMatch);
            m.put("title_score", titleScore);
            m.put("attribute_matches", attributeMatches);
            m.put("attribute_count", attributeCount);
            m.put("option_matches", optionMatches);
            m.put("option_count", optionCount);
            m.put("price_ok", priceOk);
            return m;
        }
    }

    /** Computes the reward of buying {@code purchase} for {@code goal}. */
    public static Result compute(Map<String, ?> goal, Map<String, ?> purchase) {
        boolean queryMatch = text(purchase, "query").equals(text(goal, "query"));
        Set<String> shared = new HashSet<>(categories(text(purchase, "product_category")));
        shared.retainAll(categories(text(goal, "product_category")));
        boolean categoryMatch = shared.size() >= 2;
        double titleScore = titleScore(text(goal, "name"), text(purchase, "name"));
        double rType = typeReward(queryMatch, categoryMatch, titleScore);

        List<String> goalAttrs = list(goal, "attributes");
        int attrMatches = attributeMatches(goalAttrs, purchase);
        List<String> goalOpts = list(goal, "goal_options");
        Object chosen = purchase.get("options");
        List<String> chosenOpts = chosen instanceof Map<?, ?> m ? strings(m.values()) : list(purchase, "options");
        int optMatches = optionMatches(goalOpts, chosenOpts);
        boolean priceOk = number(purchase, "price") <= number(goal, "price_upper");

        double reward = rType * (attrMatches + optMatches + (priceOk ? 1 : 0))
                / (goalAttrs.size() + goalOpts.size() + 1);
        return new Result(reward, rType, queryMatch, categoryMatch, titleScore, attrMatches, goalAttrs.size(),
                optMatches, goalOpts.size(), priceOk);
    }

    static double typeReward(boolean queryMatch, boolean categoryMatch, double titleScore) {
        double rType = 1.0;
        if (!(queryMatch || categoryMatch || titleScore > 0.2)) {
            rType = 0.5;
        }
        if (titleScore < 0.1) {
            rType = 0.1;
        }
        if (titleScore == 0.0) {
            rType = 0.0;
        }
        return rType;
    }

    static double titleScore(String goalName, String productName) {
        Set<String> wanted = TitleNouns.of(goalName);
        if (wanted.isEmpty()) {
            return 0.2;
        }
        Set<String> both = new HashSet<>(wanted);
        both.retainAll(TitleNouns.of(productName));
        return (double) both.size() / wanted.size();
    }

    static int attributeMatches(List<String> goalAttrs, Map<String, ?> purchase) {
        List<String> productAttrs = list(purchase, "attributes");
        String title = text(purchase, "title").toLowerCase(Locale.ROOT);
        String bullets = String.join(" ", list(purchase, "bullets")).toLowerCase(Locale.ROOT);
        String description = text(purchase, "description").toLowerCase(Locale.ROOT);
        int matches = 0;
        for (String g : goalAttrs) {
            boolean fuzzy = productAttrs.stream().anyMatch(p -> TokenSetRatio.of(p, g) > FUZZY_THRESHOLD);
            // upstream does not lower-case the goal attribute for the text fallback
            if (fuzzy || title.contains(g) || bullets.contains(g) || description.contains(g)) {
                matches++;
            }
        }
        return matches;
    }

    static int optionMatches(List<String> goalOpts, List<String> chosenOpts) {
        List<String> chosen = chosenOpts.stream().map(ColorNormalizer::normalize).toList();
        int matches = 0;
        for (String g : goalOpts) {
            String goal = ColorNormalizer.normalize(g);
            if (chosen.stream().anyMatch(p -> TokenSetRatio.of(p, goal) > FUZZY_THRESHOLD)) {
                matches++;
            }
        }
        return matches;
    }

    private static List<String> categories(String chain) {
        List<String> out = new ArrayList<>();
        for (String part : chain.split("›")) {
            out.add(part.strip());
        }
        return out;
    }

    private static String text(Map<String, ?> map, String key) {
        Object v = map.get(key);
        return v == null ? "" : v.toString();
    }

    private static double number(Map<String, ?> map, String key) {
        Object v = map.get(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return v == null ? Double.NaN : Double.parseDouble(v.toString());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static List<String> list(Map<String, ?> map, String key) {
        Object v = map.get(key);
        return v instanceof Collection<?> c ? strings(c) : List.of();
    }

    private static List<String> strings(Collection<?> values) {
        return values.stream().map(String::valueOf).toList();
    }
}
