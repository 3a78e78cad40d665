package dev.gauntlet.suites.webarena;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * string_match: the agent's answer against {@code reference_answers}, each approach multiplied in the file's order.
 * WebArena: exact_match, must_include, fuzzy_match (one model call per item) and the "N/A" rule. Lite adds
 * must_exclude, one_of, required_values, {@code |OR|} inside must_include, and joins a fuzzy list into one call.
 */
final class StringMatch {

    private StringMatch() {}

    static Part score(JsonNode eval, String answer, String intent, Dialect dialect, FuzzyJudge judge) {
        JsonNode refs = eval.path("reference_answers");
        Map<String, Object> evidence = new LinkedHashMap<>();
        String pred = AnswerText.clean(answer, dialect);
        evidence.put("answer", answer);
        double score = 1.0;
        List<String> notes = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = refs.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode value = e.getValue();
            double before = score;
            switch (e.getKey()) {
                case "exact_match" -> score *= AnswerText.exact(value.asText(), pred, dialect) ? 1 : 0;
                case "must_include" -> {
                    List<String> items = strings(value, "must_include");
                    for (String item : items) {
                        boolean ok;
                        if (dialect == Dialect.LITE) {
                            ok = false;
                            for (String alt : item.split(" \\|OR\\| ")) {
                                ok |= AnswerText.mustInclude(alt, pred, true, dialect);
                            }
                        } else {
                            ok = AnswerText.mustInclude(item, pred, items.size() == 1, dialect);
                        }
                        score *= ok ? 1 : 0;
                        if (!ok) {
                            notes.add("missing '" + item + "'");
                        }
                    }
                }
                case "fuzzy_match" -> score = fuzzy(value, pred, intent, eval, dialect, judge, score, notes);
                case "must_exclude" -> {
                    lite(dialect, "must_exclude");
                    for (String item : strings(value, "must_exclude")) {
                        boolean ok = AnswerText.mustExclude(item, pred);
                        score *= ok ? 1 : 0;
                        if (!ok) {
                            notes.add("contains excluded '" + item + "'");
                        }
                    }
                }
                case "one_of" -> {
                    lite(dialect, "one_of");
                    boolean found = false;
                    for (String item : strings(value, "one_of")) {
                        found |= pred.contains(AnswerText.clean(item, dialect));
                    }
                    score *= found ? 1 : 0;
                }
                case "required_values" -> {
                    lite(dialect, "required_values");
                    Long number = NumericRule.toInt(pred);
                    if (number == null) {
                        score = 0.0;
                        notes.add("the answer is not a whole number");
                    } else {
                        for (String rule : strings(value, "required_values")) {
                            boolean ok = false;
                            for (String alt : rule.split(" \\|OR\\| ")) {
                                ok |= NumericRule.holds(number, alt);
                            }
                            score *= ok ? 1 : 0;
                        }
                    }
                }
                default -> throw new IllegalArgumentException("unknown reference_answers approach '" + e.getKey()
                        + "' for dialect " + dialect.name().toLowerCase());
            }
            if (before != 0 && score == 0 && notes.isEmpty()) {
                notes.add(e.getKey() + " failed");
            }
        }
        String text = score == 1 ? "string_match: the answer matches" : "string_match: " + String.join("; ", notes)
                + " (answer: '" + answer + "')";
        return new Part("string_match", score, text, evidence);
    }

    private static double fuzzy(JsonNode value, String pred, String intent, JsonNode eval, Dialect dialect,
                                FuzzyJudge judge, double score, List<String> notes) {
        if (value.isTextual() && value.asText().equals("N/A")) {
            score *= AnswerText.exact("N/A", pred, dialect) ? 1 : 0;
            if (score != 1) {
                // upstream assigns, not multiplies: a matching reason for giving up passes whatever came before
                score = judge.unachievableReason(pred, eval.path("string_note").asText(""), intent);
                if (score == 0) {
                    notes.add("the answer is not N/A and its reason differs from the annotated one");
                }
            }
            return score;
        }
        List<String> items = strings(value, "fuzzy_match");
        if (dialect == Dialect.LITE) {
            double s = judge.fuzzy(pred, String.join(", ", items), intent, dialect);
            if (s == 0) {
                notes.add("the judge did not find the answer correct");
            }
            return score * s;
        }
        // one call per item, every item even once the product is 0: a later reply without a verdict still makes
        // upstream drop the task (without a judge configured, a product already 0 stays a failure)
        for (String item : items) {
            if (score == 0 && !judge.configured()) {
                break;
            }
            double s = judge.fuzzy(pred, item, intent, dialect);
            if (s == 0) {
                notes.add("the judge did not find the answer correct for '" + item + "'");
            }
            score *= s;
        }
        return score;
    }

    private static void lite(Dialect dialect, String key) {
        if (dialect != Dialect.LITE) {
            throw new IllegalArgumentException("'" + key + "' is a WebArena-Lite check; run this config with the "
                    + "webarena-lite suite");
        }
    }

    static List<String> strings(JsonNode value, String field) {
        if (!value.isArray()) {
            throw new IllegalArgumentException("'" + field + "' must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        value.forEach(v -> out.add(v.asText()));
        return out;
    }
}
