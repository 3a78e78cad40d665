package dev.gauntlet.suites.webshop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Reads goals from a JSON-lines file ({@code -Dwebshop.goals=}), one goal object a line with upstream's field names:
 * {@code asin}, {@code instruction_text}, {@code attributes}, {@code goal_options}, {@code price_upper} (and, taken
 * from the product when absent, {@code name}, {@code query}, {@code product_category}). A bad line is reported with
 * its line number and field and skipped; the goal index is the line's position among the good lines.
 */
final class GoalFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GoalFile() {}

    /**
     * @param problems receives ({@code file:line field}, message) for each bad line
     */
    static List<Goal> read(Path file, Catalogue catalogue, BiConsumer<String, String> problems) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Goal> goals = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = file.getFileName() + ":" + (i + 1);
            try {
                goals.add(parse(JSON.readTree(line), goals.size(), catalogue));
            } catch (BadField e) {
                problems.accept(where + " field '" + e.field + "'", e.getMessage());
            } catch (JsonProcessingException e) {
                problems.accept(where, "not a JSON object: " + e.getOriginalMessage());
            }
        }
        return goals;
    }

    static Goal parse(JsonNode node, int index, Catalogue catalogue) {
        if (!node.isObject()) {
            throw new BadField("(line)", "expected a JSON object");
        }
        String asin = text(node, "asin", true);
        Product product = catalogue.get(asin);
        if (product == null) {
            throw new BadField("asin", "no product '" + asin + "' in the catalogue");
        }
        String instruction = text(node, "instruction_text", true);
        List<String> attrs = strings(node, "attributes");
        List<String> options = strings(node, "goal_options");
        JsonNode price = node.get("price_upper");
        if (price == null || !price.isNumber()) {
            throw new BadField("price_upper", price == null ? "missing" : "expected a number, got " + price);
        }
        String name = node.has("name") ? text(node, "name", true) : product.name();
        String query = node.has("query") ? text(node, "query", true) : product.query();
        String chain = node.has("product_category") ? text(node, "product_category", true) : product.productCategory();
        return new Goal(index, product.asin(), name, query, product.category(), chain, attrs, options,
                price.asDouble(), instruction);
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new BadField(field, "missing");
            }
            return "";
        }
        if (!v.isTextual()) {
            throw new BadField(field, "expected a string, got " + v);
        }
        return v.asText();
    }

    private static List<String> strings(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null) {
            throw new BadField(field, "missing (use [] for none)");
        }
        if (!v.isArray()) {
            throw new BadField(field, "expected an array of strings, got " + v);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw new BadField(field, "expected an array of strings, but it holds " + item);
            }
            out.add(item.asText());
        }
        return out;
    }

    /** A goal line's field is missing or malformed. */
    static final class BadField extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String field;

        BadField(String field, String message) {
            super(message);
            this.field = field;
        }
    }
}
