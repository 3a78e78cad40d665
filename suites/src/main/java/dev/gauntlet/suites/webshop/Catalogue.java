package dev.gauntlet.suites.webshop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The built-in product catalogue, generated from {@link Vocabulary} with a fixed seed: the same products, in the same
 * order, on every machine. Products of one type differ in brand, style, attributes, options and price, so that a
 * search returns many near misses and choosing among them matters.
 */
final class Catalogue {

    /** Size of WebShop's default small catalogue. */
    static final int DEFAULT_SIZE = 1000;
    private static final long SEED = 20220701L;
    private static final String ASIN_CHARS = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    private final List<Product> products;
    private final Map<String, Product> byAsin;

    private Catalogue(List<Product> products) {
        this.products = List.copyOf(products);
        Map<String, Product> map = new LinkedHashMap<>();
        products.forEach(p -> map.put(p.asin(), p));
        this.byAsin = Collections.unmodifiableMap(map);
    }

    static Catalogue generate(int size) {
        Random random = new Random(SEED);
        List<Product> out = new ArrayList<>();
        Set<String> asins = new LinkedHashSet<>();
        for (int i = 0; i < size; i++) {
            Vocabulary.Department d = Vocabulary.DEPARTMENTS.get(i % Vocabulary.DEPARTMENTS.size());
            String asin;
            do {
                StringBuilder sb = new StringBuilder("B0");
                for (int k = 0; k < 8; k++) {
                    sb.append(ASIN_CHARS.charAt(random.nextInt(ASIN_CHARS.length())));
                }
                asin = sb.toString();
            } while (!asins.add(asin));
            out.add(product(asin, d, random));
        }
        return new Catalogue(out);
    }

    private static Product product(String asin, Vocabulary.Department d, Random random) {
        String type = pick(d.types(), random);
        String brand = pick(Vocabulary.BRANDS, random);
        String style = pick(d.styles(), random);
        List<String> attrs = sample(d.attributes(), 3 + random.nextInt(3), random);
        Map<String, List<String>> options = new LinkedHashMap<>();
        // about one product in ten offers no options (a rule agent that never picks options then lands near the
        // paper's ~10% rule baseline); the others one or two kinds
        int kinds = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(d.optionKinds().size());
        for (String kind : d.optionKinds().subList(0, Math.min(kinds, d.optionKinds().size()))) {
            List<String> all = Vocabulary.OPTION_VALUES.get(kind);
            List<String> offered = sample(all, Math.min(all.size(), 2 + random.nextInt(4)), random);
            offered.sort((a, b) -> Integer.compare(all.indexOf(a), all.indexOf(b)));
            options.put(kind, offered);
        }
        String title = brand + " " + style + " " + capitalise(type) + ", " + capitalise(attrs.get(0))
                + (random.nextBoolean() ? " and " + capitalise(attrs.get(1)) : "")
                + (random.nextInt(3) == 0 ? " - " + d.category() : "");
        List<String> bullets = new ArrayList<>();
        List<String> frames = sample(Vocabulary.BULLET_FRAMES, Vocabulary.BULLET_FRAMES.size(), random);
        for (int i = 1; i < attrs.size(); i++) {
            bullets.add(fill(frames.get(i % frames.size()), attrs.get(i), type, brand, style));
        }
        StringBuilder description = new StringBuilder();
        for (String frame : sample(Vocabulary.DESCRIPTION_FRAMES, 3, random)) {
            description.append(description.length() == 0 ? "" : " ").append(fill(frame, attrs.get(0), type, brand, style));
        }
        double price = Math.round((d.minPrice() + random.nextDouble() * (d.maxPrice() - d.minPrice())) * 100) / 100.0;
        List<Product.Review> reviews = new ArrayList<>();
        for (String text : sample(Vocabulary.REVIEW_FRAMES, 2 + random.nextInt(2), random)) {
            reviews.add(new Product.Review(1 + random.nextInt(5), fill(text, "", type, brand, style)));
        }
        double rating = Math.round(reviews.stream().mapToInt(Product.Review::score).average().orElse(3) * 10) / 10.0;
        return new Product(asin, title, title, type, d.category(), d.chain(), d.query(), List.copyOf(bullets),
                description.toString(), List.copyOf(attrs), options, price, rating, List.copyOf(reviews));
    }

    private static String fill(String frame, String attribute, String type, String brand, String style) {
        return frame.replace("{A}", capitalise(attribute)).replace("{a}", attribute).replace("{t}", type)
                .replace("{b}", brand).replace("{s}", style.toLowerCase(Locale.ROOT));
    }

    static String capitalise(String s) {
        StringBuilder sb = new StringBuilder();
        for (String w : s.split(" ")) {
            sb.append(sb.length() == 0 ? "" : " ").append(w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1));
        }
        return sb.toString();
    }

    static <T> T pick(List<T> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }

    static <T> List<T> sample(List<T> list, int n, Random random) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, random);
        return new ArrayList<>(copy.subList(0, Math.min(n, copy.size())));
    }

    List<Product> products() {
        return products;
    }

    /** Returns the product with this id (case-insensitive), or null. */
    Product get(String asin) {
        return asin == null ? null : byAsin.get(asin.toUpperCase(Locale.ROOT));
    }
}
