package dev.gauntlet.api;

import java.util.Map;

/**
 * An element the agent can refer to by {@link #id()}, which stays the same for the element's lifetime in the page.
 *
 * @param id          stable id, as used by actions ({@code click('12')})
 * @param role        ARIA role, or the tag when it has none ({@code button}, {@code textbox}, {@code link})
 * @param name        accessible name or visible text, whitespace collapsed
 * @param tag         lower-case tag name
 * @param value       current value of inputs, selects and textareas ({@code ""} otherwise)
 * @param interactive whether an agent can click, type into or choose it
 * @param checked     checked state of checkboxes and radios
 * @param attributes  a few useful attributes (type, placeholder, href, title, aria-label)
 * @param box         bounding box in CSS pixels
 */
public record Element(String id, String role, String name, String tag, String value, boolean interactive,
                      boolean checked, Map<String, String> attributes, Box box) {

    /** A bounding box in CSS pixels. */
    public record Box(double x, double y, double width, double height) {
        public static final Box EMPTY = new Box(0, 0, 0, 0);

        public double centerX() {
            return x + width / 2;
        }

        public double centerY() {
            return y + height / 2;
        }
    }

    public Element {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        box = box == null ? Box.EMPTY : box;
    }

    /** Returns an attribute or {@code ""}. */
    public String attribute(String name) {
        return attributes.getOrDefault(name, "");
    }

    /** Returns whether it is a text entry (text-like input or textarea). */
    public boolean isTextEntry() {
        if (tag.equals("textarea")) {
            return true;
        }
        if (!tag.equals("input")) {
            return role.equals("textbox") || role.equals("searchbox") || role.equals("combobox") && !tag.equals("select");
        }
        String type = attribute("type");
        return switch (type) {
            case "", "text", "search", "email", "password", "tel", "url", "number", "date", "time" -> true;
            default -> false;
        };
    }
}
