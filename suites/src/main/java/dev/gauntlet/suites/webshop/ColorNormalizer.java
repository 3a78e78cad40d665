package dev.gauntlet.suites.webshop;

import java.util.List;

/**
 * Reduces an option text to the first colour name it contains, as WebShop's reward does before comparing options, so
 * that "navy blue | 2 pack" and "blue" can match. The list is searched in order and by substring, so more specific
 * names come before the names they contain ("navy blue" before "blue").
 */
final class ColorNormalizer {

    /** Colour names, most specific first; our own list, in the spirit of upstream's. */
    static final List<String> COLORS = List.of(
            "navy blue", "sky blue", "light blue", "dark blue", "royal blue", "baby blue", "teal blue",
            "light grey", "dark grey", "light gray", "dark gray", "charcoal grey", "heather grey",
            "forest green", "olive green", "mint green", "lime green", "dark green", "light green", "army green",
            "hot pink", "light pink", "rose gold", "wine red", "dark red", "off white", "jet black",
            "burgundy", "turquoise", "lavender", "charcoal", "champagne", "mustard", "magenta", "maroon", "coral",
            "ivory", "khaki", "beige", "cream", "tan", "taupe", "olive", "navy", "teal", "mint", "aqua", "cyan",
            "purple", "violet", "orange", "yellow", "brown", "silver", "gold", "bronze", "copper", "pink", "grey",
            "gray", "green", "blue", "red", "black", "white", "clear", "multicolor");

    private ColorNormalizer() {}

    /** Returns the first colour name found in {@code text}, or {@code text} unchanged when it names none. */
    static String normalize(String text) {
        for (String color : COLORS) {
            if (text.contains(color)) {
                return color;
            }
        }
        return text;
    }
}
