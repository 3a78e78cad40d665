package dev.gauntlet.suites.webshop;

import dev.gauntlet.api.Verdict;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-computed rewards, one case per branch of WebShop's reward. */
class WebShopRewardTests {

    private static final double EPS = 1e-9;

    /** Goal: 2 attributes, 2 options, a price cap of 30; nouns of the name: {cotton, bath, towel}. */
    private static Map<String, Object> goal() {
        Map<String, Object> g = new HashMap<>();
        g.put("asin", "B000TOWEL1");
        g.put("name", "cotton bath towel");
        g.put("query", "bath towels");
        g.put("product_category", "Home & Kitchen › Bath › Towels › Bath Towels");
        g.put("attributes", List.of("quick drying", "machine washable"));
        g.put("goal_options", List.of("navy blue", "large"));
        g.put("price_upper", 30.0);
        return g;
    }

    /** The exact product: attributes listed, right options, under the cap. */
    private static Map<String, Object> purchase() {
        Map<String, Object> p = new HashMap<>();
        p.put("asin", "B000TOWEL1");
        p.put("name", "cotton bath towel");
        p.put("title", "Cotton Bath Towel");
        p.put("query", "bath towels");
        p.put("product_category", "Home & Kitchen › Bath › Towels › Bath Towels");
        p.put("attributes", List.of("quick drying", "machine washable"));
        p.put("bullets", List.of("Soft loops"));
        p.put("description", "A towel.");
        p.put("options", Map.of("color", "navy blue", "size", "large"));
        p.put("price", 24.99);
        return p;
    }

    private static WebShopReward.Result reward(Map<String, Object> goal, Map<String, Object> purchase) {
        return WebShopReward.compute(goal, purchase);
    }

    @Test
    void theExactProductWithTheRightOptionsUnderTheCapEarnsOne() {
        WebShopReward.Result r = reward(goal(), purchase());
        // r_type 1 (same query); (2 + 2 + 1) / (2 + 2 + 1)
        assertEquals(1.0, r.reward(), EPS);
        assertEquals(1.0, r.rType(), EPS);
        assertTrue(r.queryMatch());
    }

    @Test
    void typeRewardIsOneWhenOnlyTheCategoryChainsShareTwoItems() {
        Map<String, Object> p = purchase();
        p.put("query", "hand towels");
        p.put("name", "terry cloth washcloth"); // no noun in common: title score 0 ...
        p.put("product_category", "Home & Kitchen › Bath › Washcloths");
        WebShopReward.Result r = reward(goal(), p);
        assertTrue(r.categoryMatch()); // shares "Home & Kitchen" and "Bath"
        assertEquals(0.0, r.titleScore(), EPS);
        assertEquals(0.0, r.rType(), EPS); // ... and a title score of 0 wins over the category match
        p.put("name", "bath sheet"); // shares "bath": title score 1/3
        r = reward(goal(), p);
        assertEquals(1.0 / 3, r.titleScore(), EPS);
        assertEquals(1.0, r.rType(), EPS);
    }

    @Test
    void typeRewardIsOneOnTitleNounsAloneAboveAFifth() {
        Map<String, Object> p = purchase();
        p.put("query", "hand towels");
        p.put("product_category", "Beauty › Towels");
        p.put("name", "soft cotton hand towel"); // nouns {towel, hand, cotton}: 2 of 3 goal nouns
        WebShopReward.Result r = reward(goal(), p);
        assertFalse(r.queryMatch());
        assertFalse(r.categoryMatch()); // only "Towels" in common
        assertEquals(2.0 / 3, r.titleScore(), EPS);
        assertEquals(1.0, r.reward(), EPS);
    }

    @Test
    void typeRewardIsHalfWithoutQueryCategoryOrTitleMatch() {
        Map<String, Object> g = goal();
        g.put("name", "shampoo, conditioner, towel, brush, candle"); // 5 nouns
        Map<String, Object> p = purchase();
        p.put("query", "other");
        p.put("product_category", "Beauty › Towels");
        p.put("name", "cotton bath towel"); // shares "towel": 1/5 = 0.2, not above 0.2
        WebShopReward.Result r = reward(g, p);
        assertEquals(0.2, r.titleScore(), EPS);
        assertEquals(0.5, r.rType(), EPS);
        assertEquals(0.5, r.reward(), EPS); // 0.5 x 5/5
    }

    @Test
    void typeRewardIsATenthWhenTheTitleScoreIsBelowATenth() {
        Map<String, Object> g = goal();
        // 12 nouns; the product shares one: 1/12
        g.put("name", "shampoo, conditioner, towel, brush, candle, mirror, soap, lotion, razor, sponge, pillow and basket");
        Map<String, Object> p = purchase();
        p.put("name", "shampoo bottle");
        WebShopReward.Result r = reward(g, p);
        assertEquals(1.0 / 12, r.titleScore(), EPS);
        assertEquals(0.1, r.rType(), EPS); // even though the query matches
        assertEquals(0.1, r.reward(), EPS);
    }

    @Test
    void typeRewardIsZeroWhenNoGoalNounIsInTheProductName() {
        Map<String, Object> p = purchase();
        p.put("name", "leather wallet");
        WebShopReward.Result r = reward(goal(), p);
        assertEquals(0.0, r.rType(), EPS);
        assertEquals(0.0, r.reward(), EPS);
    }

    @Test
    void aGoalNameWithoutNounsScoresAFifth() {
        Map<String, Object> g = goal();
        g.put("name", "very soft and warm");
        Map<String, Object> p = purchase();
        assertEquals(0.2, reward(g, p).titleScore(), EPS);
        assertEquals(1.0, reward(g, p).rType(), EPS); // the query matches
        p.put("query", "other");
        p.put("product_category", "Garden");
        assertEquals(0.5, reward(g, p).rType(), EPS);
    }

    @Test
    void anAttributeCountsByFuzzyMatchOrByTextInTitleBulletsOrDescription() {
        Map<String, Object> p = purchase();
        p.put("attributes", List.of("quick-drying fabric")); // fuzzy: token set ratio 100 with "quick drying"
        p.put("description", "Tumble dry. Machine washable at 40 degrees."); // text fallback, lower-cased description
        WebShopReward.Result r = reward(goal(), p);
        assertEquals(2, r.attributeMatches());
        assertEquals(1.0, r.reward(), EPS);

        p.put("description", "");
        p.put("bullets", List.of("Soft", "MACHINE WASHABLE")); // bullets are lower-cased before the substring test
        assertEquals(2, reward(goal(), p).attributeMatches());

        p.put("bullets", List.of());
        p.put("title", "Cotton Bath Towel, Machine Washable");
        assertEquals(2, reward(goal(), p).attributeMatches());

        p.put("title", "Cotton Bath Towel");
        WebShopReward.Result missing = reward(goal(), p);
        assertEquals(1, missing.attributeMatches());
        assertEquals(4.0 / 5, missing.reward(), EPS); // (1 + 2 + 1) / 5
    }

    @Test
    void theTextFallbackDoesNotLowerCaseTheGoalAttributeAsUpstream() {
        Map<String, Object> g = goal();
        g.put("attributes", List.of("Machine Washable"));
        Map<String, Object> p = purchase();
        p.put("attributes", List.of());
        p.put("description", "machine washable");
        assertEquals(0, reward(g, p).attributeMatches());
    }

    @Test
    void optionsAreColourNormalisedBeforeTheFuzzyMatch() {
        Map<String, Object> g = goal();
        g.put("goal_options", List.of("black | pack of 2"));
        Map<String, Object> p = purchase();
        p.put("options", Map.of("color", "black (set of 3)"));
        // without normalisation the two texts are too far apart ...
        assertTrue(TokenSetRatio.of("black | pack of 2", "black (set of 3)") <= 85);
        // ... both normalise to "black", which matches: (2 + 1 + 1) / (2 + 1 + 1)
        assertEquals(1, reward(g, p).optionMatches());
        assertEquals(1.0, reward(g, p).reward(), EPS);
        assertEquals("blue", ColorNormalizer.normalize("navy blue | 2 pack")); // upstream list order: blue before navy
        assertEquals("large", ColorNormalizer.normalize("large"));
    }

    @Test
    void aWrongOrMissingOptionDoesNotCount() {
        Map<String, Object> p = purchase();
        p.put("options", Map.of("color", "red", "size", "small"));
        WebShopReward.Result wrong = reward(goal(), p);
        assertEquals(0, wrong.optionMatches());
        assertEquals(3.0 / 5, wrong.reward(), EPS); // (2 + 0 + 1) / 5
        p.put("options", Map.of());
        assertEquals(3.0 / 5, reward(goal(), p).reward(), EPS);
    }

    @Test
    void thePriceCountsUpToAndIncludingTheCap() {
        Map<String, Object> p = purchase();
        p.put("price", 30.0);
        assertTrue(reward(goal(), p).priceOk());
        assertEquals(1.0, reward(goal(), p).reward(), EPS);
        p.put("price", 30.01);
        assertFalse(reward(goal(), p).priceOk());
        assertEquals(4.0 / 5, reward(goal(), p).reward(), EPS);
    }

    @Test
    void theVerdictSucceedsOnlyOnAFullReward() {
        Map<String, Object> data = new HashMap<>(goal());
        Verdict full = WebShopOracle.judge(data, purchase(), "1.0");
        assertTrue(full.success());
        assertEquals(1.0, full.score(), EPS);
        Map<String, Object> cheaper = purchase();
        cheaper.put("price", 99.0);
        Verdict partial = WebShopOracle.judge(data, cheaper, "0.8");
        assertFalse(partial.success());
        assertEquals(0.8, partial.score(), EPS);
    }

    @Test
    void anUpstreamDonePageScoreIsReadAsShown() {
        assertEquals(0.5, WebShopOracle.fromShownScore("0.5", "http://x/done").score(), EPS);
        assertTrue(WebShopOracle.fromShownScore("1.0", "http://x/done").success());
        assertEquals(Verdict.Outcome.UNSCORED, WebShopOracle.fromShownScore("n/a", "u").outcome());
    }
}
