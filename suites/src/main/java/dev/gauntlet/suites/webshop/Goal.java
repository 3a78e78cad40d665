package dev.gauntlet.suites.webshop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A shopping goal: the product to find, the attributes and options it must have, a price cap and the instruction.
 *
 * @param index          position in the goal list; splits are ranges of it (test 0–499, eval 500–1499, train 1500+)
 * @param asin           the target product
 * @param name           the target's name (the type reward compares product names)
 * @param query          the target's search query
 * @param category       the target's department
 * @param productCategory the target's category chain
 * @param attributes     attributes wanted, each one of the target's
 * @param goalOptions    option values wanted, each offered by the target
 * @param priceUpper     price cap in dollars
 * @param instruction    the instruction shown to the agent
 */
record Goal(int index, String asin, String name, String query, String category, String productCategory,
            List<String> attributes, List<String> goalOptions, double priceUpper, String instruction) {

    Goal {
        attributes = List.copyOf(attributes);
        goalOptions = List.copyOf(goalOptions);
    }

    /** Returns the goal as the plain map the reward reads (upstream's field names). */
    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("asin", asin);
        m.put("name", name);
        m.put("query", query);
        m.put("category", category);
        m.put("product_category", productCategory);
        m.put("attributes", attributes);
        m.put("goal_options", goalOptions);
        m.put("price_upper", priceUpper);
        m.put("instruction_text", instruction);
        return m;
    }

    /** Returns the split a goal index falls in, as upstream splits its goals. */
    static String split(int index) {
        return index < 500 ? "test" : index < 1500 ? "eval" : "train";
    }
}
