package dev.gauntlet.reports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.RunInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Allure report groups episodes by cause (issue 15 item 3) through {@code categories.json}, which replaces
 * Allure's default "Product defects" / "Test defects": each message the engine writes lands in exactly one category,
 * matched as Allure matches (status, then the whole message against the regular expression).
 */
class AllureCategoriesTests {

    @TempDir
    Path dir;

    @Test
    void theResultsFolderHoldsTheCategoriesFromTheFirstEpisodeOn() throws Exception {
        RunInfo info = Fixtures.run(dir, Config.of(Map.of()), "llm");
        new AllureResults().runStarted(info);
        JsonNode written = Json.MAPPER.readTree(info.folder().allureResults().resolve("categories.json").toFile());
        assertEquals(AllureCategories.ALL.size(), written.size());
        for (int i = 0; i < written.size(); i++) {
            AllureCategories.Category c = AllureCategories.ALL.get(i);
            assertEquals(c.name(), written.get(i).path("name").asText());
            assertEquals(c.status(), written.get(i).path("matchedStatuses").get(0).asText());
            assertEquals(c.messageRegex(), written.get(i).path("messageRegex").asText());
        }
    }

    @Test
    void everyCauseFallsInExactlyOneCategory() {
        assertEquals("Agent failed", category("failed", "reward 0 (the episode did not end)\nsecond line"));
        assertEquals("Left the task page (fence, error page, another origin)",
                category("failed", "left the task page (now at chrome-error://chromewebdata/)"));
        assertEquals("Infrastructure down (the agent's model server)", category("broken",
                "infrastructure error: the model server stayed unreachable: model server at http://x unreachable"));
        assertEquals("Harness or site broken", category("broken", "harness or site error: browser closed"));
        assertEquals("Unscored (ran, but could not be judged)", category("skipped", "unscored: fuzzy_match needs a judge"));
        assertEquals("Skipped (environment not available)", category("skipped", "'webarena.shopping.url' is not set"));
        assertEquals("Blocked by the site", category("skipped", "blocked by the site: HTTP 403 with a challenge page"));
    }

    private static String category(String status, String message) {
        List<String> matched = AllureCategories.ALL.stream().filter(c -> c.status().equals(status)
                && Pattern.compile(c.messageRegex(), Pattern.DOTALL).matcher(message).matches())
                .map(AllureCategories.Category::name).toList();
        assertEquals(1, matched.size(), status + " '" + message + "' matched " + matched);
        return matched.get(0);
    }
}
