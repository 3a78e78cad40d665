package dev.gauntlet.suites.webarena;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * program_html's {@code html.unescape} (Python's html module): each expected value is what Python 3's
 * {@code html.unescape} returns for the input; a 3,000-string random corpus agreed when this was written.
 */
class WebArenaHtmlUnescapeTests {

    private static void unescapes(String in, String out) {
        assertEquals(out, HtmlEntities.unescape(in), in);
    }

    @Test
    void namedReferencesComeFromTheFullHtml5Table() {
        unescapes("Tom &amp; Jerry", "Tom & Jerry");
        unescapes("&NotNestedGreaterGreater;", "\u2aa2\u0338");
        unescapes("&fjlig;", "fj");
        unescapes("&ThickSpace;", "\u205f\u200a");
        unescapes("&zwj;", "\u200d");
        unescapes("&unknownentityname;", "&unknownentityname;");
    }

    @Test
    void onlyLegacyNamesWorkWithoutASemicolonAndTheLongestLegacyPrefixWins() {
        unescapes("&amp", "&");
        unescapes("&AElig", "\u00c6");
        unescapes("&hellip", "&hellip");       // not a legacy name: kept
        unescapes("&hellip;", "\u2026");
        unescapes("&notit;", "\u00acit;");     // "not" is legacy, "notit" is no entity
        unescapes("&notin;", "\u2209");
        unescapes("&copy2023", "\u00a92023");
        unescapes("&lt3", "<3");
    }

    @Test
    void numericReferencesFollowHtml5sReplacements() {
        unescapes("&#39;&#x27;", "''");
        unescapes("&#128;", "\u20ac");          // Windows-1252's euro
        unescapes("&#129;", "\u0081");
        unescapes("&#0;", "\ufffd");
        unescapes("&#13;", "\r");
        unescapes("&#x110000;", "\ufffd");
        unescapes("&#55296;", "\ufffd");        // a surrogate
        unescapes("&#99999999999999999999;", "\ufffd");
        unescapes("&#1;&#127;&#65534;&#xFFFF;", "");
        unescapes("&#x1F600;", "\ud83d\ude00");
        unescapes("&#39", "'");                 // the semicolon is optional
    }

    @Test
    void aBareAmpersandIsKept() {
        unescapes("a &b c", "a &b c");
        unescapes("&;", "&;");
        unescapes("&#;", "&#;");
        unescapes("&amp;amp;", "&amp;");
    }
}
