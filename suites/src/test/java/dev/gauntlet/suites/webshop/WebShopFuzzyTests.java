package dev.gauntlet.suites.webshop;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * WebShop's option and attribute matching as upstream computes it: normalize_color (web_agent_site/engine/normalize.py)
 * and thefuzz 0.19's token_set_ratio over difflib. Expected ratios are what that library gives (a 4,000-pair random
 * corpus agreed when this was written).
 */
class WebShopFuzzyTests {

    @Test
    void colourIsTheFirstListWordFoundInAlphabeticalOrder() {
        assertEquals("blue", ColorNormalizer.normalize("navy blue"));      // "blue" comes before "navy"
        assertEquals("light", ColorNormalizer.normalize("light pink"));    // "light" is a list word
        assertEquals("ash", ColorNormalizer.normalize("washed black"));    // substring, not word: w-ash-ed
        assertEquals("red", ColorNormalizer.normalize("red | 2 pack"));
        assertEquals("x-large", ColorNormalizer.normalize("x-large"));     // no colour word: unchanged
        assertEquals("Navy", ColorNormalizer.normalize("Navy"));           // normalize_color does not lower-case
    }

    @Test
    void tokenSetRatioKeepsTheStripBeforeJoinQuirk() {
        // the intersection string is compared with "navy " (trailing delimiter turned space after strip): 89, not 100
        assertEquals(89, TokenSetRatio.of("navy", "navy blue"));
        assertEquals(80, TokenSetRatio.of("s", "s m"));
        assertEquals(73, TokenSetRatio.of("black | pack of 2", "black (set of 3)"));
        assertEquals(100, TokenSetRatio.of("Blue, Large", "large blue"));
    }

    @Test
    void forceAsciiDropsLatin1LettersOnly() {
        // asciidammit removes U+0080..U+00FF before processing: "café" is "caf"
        assertEquals(89, TokenSetRatio.of("café", "cafe"));
        assertEquals(77, TokenSetRatio.of("Größe 6", "grosse 6"));
        assertEquals(0, TokenSetRatio.of("é", "e"));
        assertEquals(0, TokenSetRatio.of("", ""));
    }

    @Test
    void ratioRoundsHalfToEvenAsPythonsRound() {
        // difflib ratio 2*M/T; "ab" vs "abcdefgh": 2*2/10 = 0.4 → 40; 1/8 → 12.5 → 12 (half to even)
        assertEquals(40, TokenSetRatio.ratio("ab", "abcdefgh"));
        assertEquals(12, TokenSetRatio.ratio("a", "abcdefghijklmno"));
    }

    @Test
    void anOptionPassesAboveEightyFive() {
        assertEquals(1, WebShopReward.optionMatches(List.of("blue"), List.of("navy blue"))); // both normalise to blue
        // upstream's quirk: the chosen "navy blue" normalises to "blue", so a goal "navy" is not matched
        assertEquals(0, WebShopReward.optionMatches(List.of("navy"), List.of("navy blue")));
        assertEquals(0, WebShopReward.optionMatches(List.of("s"), List.of("s m")));     // 80, not above 85
        assertEquals(1, WebShopReward.optionMatches(List.of("large"), List.of("x large")));
    }
}
