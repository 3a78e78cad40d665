package dev.gauntlet.suites.webshop;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated catalogue and goals, the search engine, and goal files. */
class WebShopCatalogueTests {

    private static Catalogue catalogue;
    private static List<Goal> goals;
    private static ProductSearch search;

    @BeforeAll
    static void build() {
        catalogue = Catalogue.generate(Catalogue.DEFAULT_SIZE);
        goals = GoalGenerator.generate(catalogue, GoalGenerator.DEFAULT_COUNT);
        search = new ProductSearch(catalogue.products());
    }

    @AfterAll
    static void close() throws Exception {
        search.close();
    }

    @Test
    void theCatalogueHasAThousandDistinctProductsAndIsTheSameEveryTime() {
        assertEquals(1000, catalogue.products().size());
        assertEquals(1000, catalogue.products().stream().map(Product::asin).distinct().count());
        assertEquals(catalogue.products(), Catalogue.generate(Catalogue.DEFAULT_SIZE).products());
        assertTrue(catalogue.products().stream().map(Product::productCategory).distinct().count() >= 10);
        assertTrue(catalogue.products().stream().filter(p -> p.options().isEmpty()).count() > 100);
    }

    @Test
    void goalsCoverEverySplitAndFollowTheUpstreamPriceRule() {
        assertTrue(goals.size() >= 1500);
        assertEquals(500, goals.stream().filter(g -> Goal.split(g.index()).equals("test")).count());
        assertEquals(1000, goals.stream().filter(g -> Goal.split(g.index()).equals("eval")).count());
        for (Goal g : goals) {
            Product p = catalogue.get(g.asin());
            assertTrue(p.attributes().containsAll(g.attributes()), g.toString());
            assertTrue(g.priceUpper() > p.price() && g.priceUpper() <= (Math.floor(p.price() / 10) + 4) * 10, g.toString());
            assertTrue(g.instruction().contains(String.format(Locale.ROOT, "price lower than %.2f dollars", g.priceUpper())));
        }
        Set<String> openings = goals.stream().map(g -> g.instruction().split(" ")[0] + " " + g.instruction().split(" ")[1])
                .collect(Collectors.toSet());
        assertTrue(openings.size() >= 6, "instructions come from varied templates: " + openings);
    }

    @Test
    void searchingTheGoldQueryFindsTheTargetForEveryTestGoal() {
        for (Goal g : goals.subList(0, 500)) {
            String query = catalogue.get(g.asin()).title().toLowerCase(Locale.ROOT);
            assertTrue(search.search(query).contains(g.asin()), g.asin() + " not found by " + query);
        }
    }

    @Test
    void badQueriesAreRefusedWithAReason() {
        assertThrows(IllegalArgumentException.class, () -> search.search("  "));
        assertThrows(IllegalArgumentException.class, () -> search.search("x".repeat(501)));
        assertTrue(search.search("the and of").isEmpty());
    }

    @Test
    void aMalformedGoalFileNamesTheLineAndTheField(@TempDir Path dir) throws Exception {
        String asin = catalogue.products().get(0).asin();
        Path file = dir.resolve("goals.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"asin\": \"" + asin + "\", \"instruction_text\": \"buy it\", \"attributes\": [], \"goal_options\": [], \"price_upper\": 50}",
                "{\"asin\": \"" + asin + "\", \"instruction_text\": \"buy it\", \"attributes\": [], \"goal_options\": [], \"price_upper\": \"cheap\"}",
                "{\"asin\": \"NOPE\", \"instruction_text\": \"x\", \"attributes\": [], \"goal_options\": [], \"price_upper\": 5}",
                "{\"asin\": \"" + asin + "\", \"attributes\": [1], \"goal_options\": [], \"price_upper\": 5}",
                "{not json"));
        List<String> problems = new ArrayList<>();
        List<Goal> read = GoalFile.read(file, catalogue, (where, message) -> problems.add(where + ": " + message));
        assertEquals(1, read.size());
        assertEquals(List.of(
                "goals.jsonl:2 field 'price_upper': expected a number, got \"cheap\"",
                "goals.jsonl:3 field 'asin': no product 'NOPE' in the catalogue",
                "goals.jsonl:4 field 'instruction_text': missing"), problems.subList(0, 3));
        assertTrue(problems.get(3).startsWith("goals.jsonl:5: not a JSON object"), problems.get(3));
    }
}
