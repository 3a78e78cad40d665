package dev.gauntlet.suites.webshop;

import java.util.List;

/**
 * Reduces an option text to a colour word, as WebShop's {@code normalize_color} does before comparing options: the
 * first word of its colour list, in the list's (alphabetical) order, that is a substring of the text, else the text
 * unchanged. So "navy blue" becomes "blue" (b before n) and "light pink" becomes "light" ("light" is in the list).
 * The text is taken as given; upstream does not lower-case it here.
 */
final class ColorNormalizer {

    /** WebShop's colour words ({@code COLOR_SET} of web_agent_site/engine/normalize.py), in its order. */
    static final List<String> COLORS = List.of(
            "alabaster", "apricot", "aqua", "ash", "asphalt", "azure", "banana", "beige", "black", "blue", "blush",
            "bordeaux", "bronze", "brown", "burgundy", "camel", "camo", "caramel", "champagne", "charcoal", "cheetah",
            "chestnut", "chocolate", "christmas", "coffee", "cognac", "copper", "coral", "cranberry", "cream",
            "crystal", "dark", "denim", "eggplant", "elephant", "espresso", "fuchsia", "gold", "granite", "grape",
            "graphite", "grass", "gray", "green", "grey", "heather", "indigo", "ivory", "ivy", "khaki", "lavender",
            "lemon", "leopard", "light", "lilac", "lime", "magenta", "maroon", "mauve", "merlot", "midnight", "mint",
            "mocha", "multicolor", "mushroom", "mustard", "natural", "navy", "nude", "olive", "orange", "peach",
            "pewter", "pink", "plum", "purple", "rainbow", "red", "rose", "royal", "rust", "sand", "sapphire",
            "seashell", "silver", "skull", "slate", "steel", "stone", "stonewash", "sunflower", "tan", "taupe",
            "teal", "tiger", "turquoise", "violet", "walnut", "wheat", "white", "wine", "yellow");

    private ColorNormalizer() {}

    /** Returns the first colour word of {@link #COLORS} found in {@code text}, or {@code text} when none is. */
    static String normalize(String text) {
        for (String color : COLORS) {
            if (text.contains(color)) {
                return color;
            }
        }
        return text;
    }
}
