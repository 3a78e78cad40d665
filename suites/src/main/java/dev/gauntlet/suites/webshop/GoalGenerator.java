package dev.gauntlet.suites.webshop;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates goals from the catalogue with a fixed seed: a target product, one to three of its attributes, one value
 * of each option kind it offers, the price cap by upstream's rule and an instruction from varied templates.
 */
final class GoalGenerator {

    /** Enough for all three splits (test 0–499, eval 500–1499, train 1500+). */
    static final int DEFAULT_COUNT = 2000;
    private static final long SEED = 233L;

    private static final List<String> TEMPLATES = List.of(
            "i need {attrs} {type}{opts}{price}",
            "i am looking for {a} {type} that is {attrs}{opts}{price}",
            "find me {attrs} {type}{opts}{price}",
            "i want to buy {a} {type} which is {attrs}{opts}{price}",
            "looking for {attrs} {type}{opts}{price}",
            "can you get me {a} {type}? it should be {attrs}{opts}{price}",
            "i'd like {attrs} {type}{opts}{price}",
            "search for {a} {type}, {attrs}{opts}{price}");

    private GoalGenerator() {}

    static List<Goal> generate(Catalogue catalogue, int count) {
        Random random = new Random(SEED);
        List<Goal> goals = new ArrayList<>();
        List<Product> products = catalogue.products();
        for (int i = 0; i < count; i++) {
            Product p = products.get(random.nextInt(products.size()));
            List<String> attrs = Catalogue.sample(p.attributes(), 1 + random.nextInt(Math.min(3, p.attributes().size())), random);
            List<String> kinds = new ArrayList<>(p.options().keySet());
            List<String> values = new ArrayList<>();
            for (String kind : kinds) {
                values.add(Catalogue.pick(p.options().get(kind), random));
            }
            double cap = priceUpper(p.price(), random);
            String price = cap >= 1_000_000 ? "" : String.format(Locale.ROOT, ", and price lower than %.2f dollars", cap);
            String text = Catalogue.pick(TEMPLATES, random)
                    .replace("{attrs}", join(attrs))
                    .replace("{a}", article(p.type()))
                    .replace("{type}", p.type())
                    .replace("{opts}", options(kinds, values, random))
                    .replace("{price}", price);
            goals.add(new Goal(i, p.asin(), p.name(), p.query(), p.category(), p.productCategory(), attrs, values,
                    cap, text));
        }
        return goals;
    }

    /** Upstream's rule: from 10, 20, ..., 990 take the first four above the price, sample two, keep the larger. */
    static double priceUpper(double price, Random random) {
        List<Double> above = new ArrayList<>();
        for (int k = 1; k < 100 && above.size() < 4; k++) {
            if (10.0 * k > price) {
                above.add(10.0 * k);
            }
        }
        if (above.size() < 2) {
            return 1_000_000; // no cap, and no price in the instruction
        }
        List<Double> two = Catalogue.sample(above, 2, random);
        return Math.max(two.get(0), two.get(1));
    }

    private static String options(List<String> kinds, List<String> values, Random random) {
        if (kinds.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        boolean named = random.nextBoolean();
        for (int i = 0; i < kinds.size(); i++) {
            parts.add(named ? kinds.get(i) + " " + values.get(i) : values.get(i));
        }
        return (named ? " with " : " in ") + String.join(" and ", parts);
    }

    private static String join(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static String article(String noun) {
        if (noun.endsWith("s") && !noun.endsWith("ss")) {
            return "some";
        }
        return "aeiou".indexOf(noun.charAt(0)) >= 0 ? "an" : "a";
    }
}
