package dev.gauntlet.suites.webarena;

import org.jsoup.nodes.Entities;

import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's {@code html.unescape}, as WebArena's program_html applies it: numeric references with HTML5's
 * replacements for invalid code points, and named references from the full HTML5 table (jsoup's), where a name with
 * {@code ;} must be an entity, a name without one must be a legacy entity (those HTML5 allows without it), and
 * otherwise the longest legacy prefix is replaced and the rest kept ({@code &notit;} gives {@code ¬it;}).
 */
final class HtmlEntities {

    private HtmlEntities() {}

    private static final Pattern REF = Pattern.compile("&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\\t\\n\\f <&#;]{1,32};?)");

    /** HTML5's replacements for numeric references 0x00, 0x0D and 0x80–0x9F (Windows-1252's characters). */
    private static final Map<Integer, String> INVALID_REFS = Map.ofEntries(
            Map.entry(0x00, "\ufffd"), Map.entry(0x0d, "\r"), Map.entry(0x80, "\u20ac"), Map.entry(0x81, "\u0081"),
            Map.entry(0x82, "\u201a"), Map.entry(0x83, "\u0192"), Map.entry(0x84, "\u201e"), Map.entry(0x85, "\u2026"),
            Map.entry(0x86, "\u2020"), Map.entry(0x87, "\u2021"), Map.entry(0x88, "\u02c6"), Map.entry(0x89, "\u2030"),
            Map.entry(0x8a, "\u0160"), Map.entry(0x8b, "\u2039"), Map.entry(0x8c, "\u0152"), Map.entry(0x8d, "\u008d"),
            Map.entry(0x8e, "\u017d"), Map.entry(0x8f, "\u008f"), Map.entry(0x90, "\u0090"), Map.entry(0x91, "\u2018"),
            Map.entry(0x92, "\u2019"), Map.entry(0x93, "\u201c"), Map.entry(0x94, "\u201d"), Map.entry(0x95, "\u2022"),
            Map.entry(0x96, "\u2013"), Map.entry(0x97, "\u2014"), Map.entry(0x98, "\u02dc"), Map.entry(0x99, "\u2122"),
            Map.entry(0x9a, "\u0161"), Map.entry(0x9b, "\u203a"), Map.entry(0x9c, "\u0153"), Map.entry(0x9d, "\u009d"),
            Map.entry(0x9e, "\u017e"), Map.entry(0x9f, "\u0178"));

    static String unescape(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = REF.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(replace(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String replace(String s) {
        if (s.charAt(0) == '#') {
            boolean hex = s.length() > 1 && (s.charAt(1) == 'x' || s.charAt(1) == 'X');
            String digits = s.substring(hex ? 2 : 1).replaceAll(";$", "");
            BigInteger big = new BigInteger(digits, hex ? 16 : 10);
            if (big.compareTo(BigInteger.valueOf(0x10FFFF)) > 0) {
                return "\ufffd";
            }
            int n = big.intValue();
            if (INVALID_REFS.containsKey(n)) {
                return INVALID_REFS.get(n);
            }
            if (n >= 0xD800 && n <= 0xDFFF) {
                return "\ufffd";
            }
            if (invalidCodePoint(n)) {
                return "";
            }
            return new String(Character.toChars(n));
        }
        if (s.endsWith(";") && Entities.isNamedEntity(s.substring(0, s.length() - 1))) {
            return Entities.getByName(s.substring(0, s.length() - 1));
        }
        if (!s.endsWith(";") && Entities.isBaseNamedEntity(s)) {
            return Entities.getByName(s);
        }
        for (int x = s.length() - 1; x > 1; x--) {
            String prefix = s.substring(0, x);
            if (Entities.isBaseNamedEntity(prefix)) {
                return Entities.getByName(prefix) + s.substring(x);
            }
        }
        return "&" + s;
    }

    /** Code points a numeric reference drops: C0 controls but tab, newline, form feed and CR; C1; non-characters. */
    private static boolean invalidCodePoint(int n) {
        return n >= 0x1 && n <= 0x8 || n == 0xb || n >= 0xe && n <= 0x1f || n >= 0x7f && n <= 0x9f
                || n >= 0xfdd0 && n <= 0xfdef || (n & 0xFFFE) == 0xFFFE;
    }
}
