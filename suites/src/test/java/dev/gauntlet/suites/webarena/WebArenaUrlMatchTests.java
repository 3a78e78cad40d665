package dev.gauntlet.suites.webarena;

import dev.gauntlet.api.Verdict;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** url_match in both dialects on fabricated final URLs. */
class WebArenaUrlMatchTests {

    private static Verdict.Outcome match(String dialect, String reference, String note, String finalUrl)
            throws Exception {
        String eval = "{'eval_types': ['url_match'], 'reference_answers': null, 'reference_url': '" + reference + "'"
                + (note == null ? "" : ", 'url_note': '" + note + "'") + ", 'program_html': []}";
        return Fabricated.evaluate(dialect, eval, "", finalUrl, Map.of(), null, Map.of()).outcome();
    }

    private static final Verdict.Outcome OK = Verdict.Outcome.SUCCESS;
    private static final Verdict.Outcome NO = Verdict.Outcome.FAILURE;

    @Test
    void goldHostAndPathMustBeInsideTheFinalOnes() throws Exception {
        assertEquals(OK, match("webarena", "http://h:1/f/books", null, "http://h:1/f/books/"));
        assertEquals(OK, match("webarena", "http://h:1/f/books", "GOLD in PRED", "http://h:1/f/books/new?x=1"));
        assertEquals(NO, match("webarena", "http://h:1/f/books", null, "http://h:1/f/movies"));
    }

    @Test
    void everyReferenceQueryKeyNeedsOneOfItsValuesPooledOverAlternatives() throws Exception {
        String refs = "http://h/search?q=tent&sort=price |OR| http://h/search?q=tents";
        assertEquals(OK, match("webarena", refs, null, "http://h/search?sort=price&q=tents"));
        assertEquals(OK, match("webarena", refs, null, "http://h/search?q=tent&sort=price&page=2"));
        assertEquals(NO, match("webarena", refs, null, "http://h/search?q=tent"));
        assertEquals(OK, match("webarena", "http://h/search?q=blue+tent", null, "http://h/search?q=blue%20tent&sort=price"));
    }

    @Test
    void exactFromEarlierReleasesComparesWholeUrlsAfterOneTrailingSlashAndOtherRulesAreUnknown() throws Exception {
        String refs = "http://h/search?q=xbox |OR| http://h/search?q=x-box";
        assertEquals(OK, match("webarena", refs, "EXACT", "http://h/search?q=x-box"));
        assertEquals(OK, match("webarena", "http://h/dashboard/todos", "EXACT", "http://h/dashboard/todos/"));
        assertEquals(NO, match("webarena", "http://h/dashboard/todos", "EXACT", "http://h/dashboard/todos//"));
        assertEquals(NO, match("webarena", refs, "EXACT", "http://h/search?q=xbox&page=2"));
        assertEquals(NO, match("webarena", "http://h/a", "EXACT", "http://h/a/b"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> match("webarena", "http://h/a", "SOMETIMES", "http://h/a"));
        assertEquals("unknown url_note matching rule 'SOMETIMES'", e.getMessage());
    }

    @Test
    void liteDefaultsToExactAndReadsLocalhostAs127() throws Exception {
        assertEquals(OK, match("lite", "http://localhost:8023/dashboard/todos", null, "http://127.0.0.1:8023/dashboard/todos/"));
        assertEquals(NO, match("lite", "http://h/dashboard/todos", null, "http://h/dashboard/todos?x=1"));
        assertEquals(OK, match("lite", "http://h/dashboard/todos", "GOLD in PRED", "http://h/dashboard/todos?x=1"));
    }

    @Test
    void aStrayPercentIsKeptAsPythonsUnquoteKeepsIt() throws Exception {
        // parse_qs uses unquote, which leaves a '%' without two hex digits as it is; Java's URLDecoder would throw
        assertEquals(OK, match("webarena", "http://shop.test/search?q=100%", null, "http://shop.test/search?q=100%"));
        assertEquals(NO, match("webarena", "http://shop.test/search?q=100%", null, "http://shop.test/search?q=100"));
        assertEquals(java.util.Map.of("q", java.util.List.of("100%"), "a", java.util.List.of("%zz"),
                "b", java.util.List.of("\u20ac"), "c", java.util.List.of("\ufffd"), "d", java.util.List.of("a b")),
                UrlMatch.parseQs("q=100%&a=%zz&b=%E2%82%AC&c=%E2%82&d=a+b"));
    }
}
