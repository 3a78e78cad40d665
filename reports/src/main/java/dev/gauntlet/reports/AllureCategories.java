package dev.gauntlet.reports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code categories.json} into the Allure results, so the report groups episodes by who is to blame instead of
 * Allure's default "Product defects" and "Test defects". Every episode falls in exactly one category: by its status
 * and the start of its message, as the engine writes them (the agent left the task page; infrastructure error:;
 * harness or site error:; blocked by the site:; unscored:).
 */
final class AllureCategories {

    /** One category: its name, the Allure status it takes and the regular expression its message matches. */
    record Category(String name, String status, String messageRegex) {}

    static final List<Category> ALL = List.of(
            new Category("Left the task page (fence, error page, another origin)", "failed",
                    "(?s).*left the task page.*"),
            new Category("Agent failed", "failed", "(?s)(?!.*left the task page).*"),
            new Category("Infrastructure down (the agent's model server)", "broken", "(?s)infrastructure error: .*"),
            new Category("Harness or site broken", "broken", "(?s)(?!infrastructure error: ).*"),
            new Category("Blocked by the site", "skipped", "(?s)blocked by the site: .*"),
            new Category("Unscored (ran, but could not be judged)", "skipped", "(?s)unscored: .*"),
            new Category("Skipped (environment not available)", "skipped",
                    "(?s)(?!unscored: |blocked by the site: ).*"));

    private AllureCategories() {}

    static void write(Path allureResults) throws IOException {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (Category c : ALL) {
            ObjectNode node = out.addObject();
            node.put("name", c.name());
            node.putArray("matchedStatuses").add(c.status());
            node.put("messageRegex", c.messageRegex());
        }
        Json.write(allureResults.resolve("categories.json"), out);
    }
}
