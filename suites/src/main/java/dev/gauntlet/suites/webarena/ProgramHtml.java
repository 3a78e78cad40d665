package dev.gauntlet.suites.webarena;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.LoadState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * program_html: for each target, go to its url ({@code last} = stay; {@code func:} = a URL helper), select content
 * with the locator (empty = the page's HTML; {@code document.…} = a script, after the prep_actions; {@code func:} = a
 * site helper; Lite also {@code lambda:}), HTML-unescape it (WebArena only) and check required_contents.
 */
final class ProgramHtml {

    private ProgramHtml() {}

    static Part score(JsonNode eval, Page page, SiteFunctions functions, String intent, Dialect dialect,
                      FuzzyJudge judge) {
        double score = 1.0;
        List<Object> seen = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (JsonNode target : eval.path("program_html")) {
            String url = target.path("url").asText("last");
            if (url.startsWith("func")) {
                url = functions.url(after(url, "func:").replace("__last_url__", page.url()));
            }
            String locator = target.path("locator").asText("");
            if (!url.equals("last")) {
                page.navigate(url);
                settle(page);
            }
            String selected = select(target, locator, page, functions, dialect);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("url", page.url());
            item.put("locator", locator);
            item.put("selected", selected == null ? "(none)" : abbreviate(selected));
            seen.add(item);
            if (selected == null) {
                score = 0.0; // Lite: a locator that found nothing fails the whole check
                notes.add("locator '" + locator + "' selected nothing");
                break;
            }
            if (dialect == Dialect.WEBARENA) {
                selected = HtmlEntities.unescape(selected);
            }
            double s = contents(target.path("required_contents"), selected, intent, dialect, judge);
            if (s == 0) {
                notes.add("at " + page.url() + ", '" + locator + "' gave '" + abbreviate(selected)
                        + "', which does not satisfy " + target.path("required_contents"));
            }
            score *= s;
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("targets", seen);
        return new Part("program_html", score, score == 1 ? "program_html: the page content matches"
                : "program_html: " + String.join("; ", notes), evidence);
    }

    /** Returns the selected content, or null when a Lite {@code lambda:} locator found nothing. */
    private static String select(JsonNode target, String locator, Page page, SiteFunctions functions,
                                 Dialect dialect) {
        if (locator.isBlank()) {
            return page.content();
        }
        if (locator.startsWith("document.") || locator.startsWith("[...document.")) {
            try {
                for (JsonNode prep : target.path("prep_actions")) {
                    page.evaluate("() => " + prep.asText());
                }
            } catch (PlaywrightException ignored) {
                // upstream ignores a failing preparation and reads what is there
            }
            try {
                return AnswerText.pyStr(page.evaluate("() => " + locator));
            } catch (PlaywrightException e) {
                return ""; // the page is not the expected one: nothing selected
            }
        }
        if (locator.startsWith("lambda:") && dialect == Dialect.LITE) {
            try {
                Object value = page.evaluate(lstrip(locator, "lambda:"));
                return truthy(value) ? AnswerText.pyStr(value) : null;
            } catch (PlaywrightException e) {
                return null;
            }
        }
        if (locator.startsWith("func:")) {
            return functions.locate(after(locator, "func:").replace("__page__", "page"));
        }
        throw new IllegalArgumentException("unknown program_html locator '" + locator + "'");
    }

    private static double contents(JsonNode required, String selected, String intent, Dialect dialect,
                                   FuzzyJudge judge) {
        if (required.has("exact_match")) {
            return AnswerText.exact(required.path("exact_match").asText(), selected, dialect) ? 1 : 0;
        }
        if (required.has("must_include")) {
            double s = 1;
            for (String item : StringMatch.strings(required.path("must_include"), "must_include")) {
                boolean any = false;
                for (String alt : item.split(" \\|OR\\| ")) {
                    any |= AnswerText.mustInclude(alt, selected, dialect == Dialect.LITE, dialect);
                }
                s *= any ? 1 : 0;
            }
            return s;
        }
        if (dialect == Dialect.LITE && required.has("must_exclude")) {
            double s = 1;
            for (String item : StringMatch.strings(required.path("must_exclude"), "must_exclude")) {
                s *= AnswerText.mustExclude(item, selected) ? 1 : 0;
            }
            return s;
        }
        if (dialect == Dialect.LITE && required.has("required_values")) {
            Long number = NumericRule.toInt(selected);
            if (number == null) {
                return 0;
            }
            double s = 1;
            for (String rule : StringMatch.strings(required.path("required_values"), "required_values")) {
                boolean any = false;
                for (String alt : rule.split(" \\|OR\\| ")) {
                    any |= NumericRule.holds(number, alt);
                }
                s *= any ? 1 : 0;
            }
            return s;
        }
        if (dialect == Dialect.LITE && required.has("fuzzy_match")) {
            String reference = String.join(", ", StringMatch.strings(required.path("fuzzy_match"), "fuzzy_match"));
            return judge.fuzzy(selected, reference, intent, dialect);
        }
        List<String> keys = new ArrayList<>();
        required.fieldNames().forEachRemaining(keys::add);
        throw new IllegalArgumentException("unknown required_contents " + keys + " for dialect "
                + dialect.name().toLowerCase());
    }

    private static void settle(Page page) {
        try {
            page.waitForLoadState(LoadState.NETWORKIDLE, new Page.WaitForLoadStateOptions().setTimeout(5000));
        } catch (PlaywrightException ignored) {
            // upstream sleeps 3 s and reads whatever is there; so do we
        }
    }

    /** Python's {@code str.lstrip(chars)}: strips a set of characters, not a prefix (upstream's lambda: quirk). */
    static String lstrip(String s, String chars) {
        int i = 0;
        while (i < s.length() && chars.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return s.substring(i);
    }

    private static boolean truthy(Object v) {
        if (v == null || Boolean.FALSE.equals(v) || "".equals(v)) {
            return false;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        return !(v instanceof List<?> l && l.isEmpty());
    }

    private static String after(String s, String marker) {
        int i = s.indexOf(marker);
        return i < 0 ? s : s.substring(i + marker.length());
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
