package dev.gauntlet.agents.djl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an instruction, its history and one element into hashed feature ids (the model's "vocabulary": every
 * feature is a string hashed into {@link #buckets} rows of the embedding; {@code vocabulary.tsv} in the model folder
 * lists those seen in training). Bucket 0 is padding. Overlap features (an element word that is also an instruction
 * word, the element text equal to a quoted span) carry what does not depend on the words themselves, so the policy
 * also ranks elements of tasks it never saw.
 */
final class Features {

    /** The feature templates' version, recorded in the manifest; a model is refused when it differs. */
    static final String VERSION = "hashed-words/3";

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern SINGLE_QUOTED = Pattern.compile("(?<![\\p{L}\\p{N}])'([^']+)'(?![\\p{L}\\p{N}])");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    final int buckets;
    /** Whether value candidates include the instruction's dates re-rendered ({@link ValueCandidates}). */
    final boolean dateValues;

    Features(int buckets) {
        this(buckets, true);
    }

    Features(int buckets, boolean dateValues) {
        this.buckets = buckets;
        this.dateValues = dateValues;
    }

    /** The history of one episode as the policy sees it: the operation and element text of each earlier step. */
    record Past(Operation operation, String elementText, String value) {}

    /** Returns the features of the instruction and the history (shared by every candidate of a step). */
    List<String> query(String instruction, List<Past> history) {
        Set<String> f = new LinkedHashSet<>();
        List<String> words = words(instruction);
        for (int i = 0; i < words.size(); i++) {
            f.add("w:" + words.get(i));
            if (i > 0) {
                f.add("b:" + words.get(i - 1) + "_" + words.get(i));
            }
        }
        f.add("steps:" + Math.min(history.size(), 6));
        for (Past p : history) {
            f.add("h:" + p.operation().label());
        }
        if (!history.isEmpty()) {
            f.add("last:" + history.get(history.size() - 1).operation().label());
        }
        return List.copyOf(f);
    }

    /**
     * Returns the features of element {@code index} of {@code all} in the context of the instruction and history:
     * its own, what it shares with the instruction, what the elements just before it share (the title of the dialog
     * a Close button belongs to), its ordinal among elements of its role against quoted numbers ("result 2").
     */
    List<String> element(List<Dataset.ElementRecord> all, int index, String instruction, List<Past> history) {
        Dataset.ElementRecord e = all.get(index);
        Set<String> f = new LinkedHashSet<>();
        String text = e.text().toLowerCase(Locale.ROOT).trim();
        List<String> words = words(text);
        f.add("role:" + e.role());
        f.add("tag:" + e.attributes().getOrDefault("tag", ""));
        for (String k : List.of("type", "interactive", "checked")) {
            String v = e.attributes().get(k);
            if (v != null) {
                f.add("attr:" + k + "=" + v);
            }
        }
        if (!e.attributes().getOrDefault("value", "").isEmpty()) {
            f.add("has-value");
        }
        String label = e.attributes().getOrDefault("placeholder", e.attributes().getOrDefault("aria-label", ""));
        for (String w : words(label)) {
            f.add("l:" + w);
        }
        words.stream().limit(12).forEach(w -> f.add("e:" + w));
        f.add("len:" + Math.min(words.size(), 8));
        // overlap with the instruction
        Set<String> inst = new LinkedHashSet<>(words(instruction));
        int shared = 0;
        for (String w : words) {
            if (inst.contains(w)) {
                shared++;
                f.add("o:" + w);
            }
        }
        for (String w : words(label)) {
            if (inst.contains(w)) {
                f.add("ol:" + w);
                f.add("ol-any");
            }
        }
        if (!words.isEmpty()) {
            f.add("o-frac:" + (4 * shared / words.size()));
            f.add("o-role:" + e.role() + ":" + (shared > 0));
        }
        List<String> quoted = quoted(instruction);
        for (int i = 0; i < quoted.size(); i++) {
            String q = quoted.get(i).toLowerCase(Locale.ROOT).trim();
            if (!q.isEmpty() && q.equals(text)) {
                f.add("quote-equal");
                f.add("quote-equal:" + Math.min(i, 3));
            } else if (!q.isEmpty() && !text.isEmpty() && (text.contains(q) || q.contains(text))) {
                f.add("quote-part");
            }
        }
        if (index + 1 < all.size()) {
            // what the element after says about it: a result link's text is an id, the product title follows it
            List<String> next = words(all.get(index + 1).text());
            if (!next.isEmpty()) {
                long nextShared = next.stream().filter(inst::contains).count();
                f.add("next-o-frac:" + e.role() + ":" + (4 * nextShared / next.size()));
            }
        }
        for (int back = 1; back <= 3 && index - back >= 0; back++) {
            String near = all.get(index - back).text().toLowerCase(Locale.ROOT).trim();
            if (!near.isEmpty() && quoted.stream().anyMatch(q -> q.toLowerCase(Locale.ROOT).trim().equals(near))) {
                f.add("near-quote-equal");
                f.add("near-quote-equal:" + e.role());
                break;
            }
        }
        int ordinal = 0;
        for (int i = 0; i <= index; i++) {
            if (all.get(i).role().equals(e.role())) {
                ordinal++;
            }
        }
        if (quoted.contains(String.valueOf(ordinal))) {
            f.add("ordinal-quoted:" + e.role());
        }
        int acted = 0;
        for (Past p : history) {
            if (p.elementText().equalsIgnoreCase(e.text())) {
                acted++;
                f.add("acted:" + p.operation().label());
            }
        }
        f.add("acted:" + Math.min(acted, 3));
        return List.copyOf(f);
    }

    /** Returns the value candidates of an instruction ({@link ValueCandidates}), as texts. */
    List<String> valueCandidates(String instruction) {
        return ValueCandidates.texts(instruction, dateValues);
    }

    List<ValueCandidates.Candidate> valueCandidateList(String instruction) {
        return ValueCandidates.of(instruction, dateValues);
    }

    /**
     * Returns the features of typing candidate {@code c} into e: for a quoted span, its position and the words before
     * it against the element's words; for a date, its format against the element's placeholder, its type and the
     * formats the instruction names; for a word span, its length, case, the words around it and its overlap with the
     * element.
     */
    List<String> value(String instruction, ValueCandidates.Candidate c, Dataset.ElementRecord e, List<Past> history) {
        Set<String> f = new LinkedHashSet<>();
        f.add("vk:" + c.kind());
        String label = (e.text() + " " + e.attributes().getOrDefault("placeholder", "") + " "
                + e.attributes().getOrDefault("aria-label", "") + " " + e.attributes().getOrDefault("type", ""))
                .toLowerCase(Locale.ROOT);
        List<String> elementWords = words(label);
        List<String> ctx = List.of();
        switch (c.kind()) {
            case QUOTED -> {
                f.add("vi:" + Math.min(c.index(), 4));
                int at = instruction.indexOf("\"" + c.text() + "\"");
                List<String> before = at < 0 ? List.of() : words(instruction.substring(0, at));
                ctx = before.subList(Math.max(0, before.size() - 2), before.size());
            }
            case DATE -> {
                String placeholder = e.attributes().getOrDefault("placeholder", "").strip().toUpperCase(Locale.ROOT);
                String type = e.attributes().getOrDefault("type", "");
                f.add("vd:" + c.format());
                f.add("vd:" + c.format() + "|type=" + type);
                f.add("vd-placeholder:" + placeholder.equals(c.format()));
                f.add("vd-named:" + instruction.toUpperCase(Locale.ROOT).contains(c.format()));
            }
            case WHOLE -> f.add("vw-words:" + Math.min(words(c.text()).size() / 5, 6));
            case SPAN -> {
                List<String> tokens = ValueCandidates.tokens(instruction);
                List<String> span = words(c.text());
                f.add("vn:" + span.size());
                f.add("v-case:" + (c.text().equals(c.text().toLowerCase(Locale.ROOT)) ? "lower" : "as-written"));
                ctx = words(String.join(" ", tokens.subList(Math.max(0, c.index() - 2), c.index())));
                int after = c.index() + c.text().split(" ").length;
                if (after < tokens.size()) {
                    f.add("va:" + tokens.get(after).toLowerCase(Locale.ROOT));
                } else {
                    f.add("va:end");
                }
                if (!span.isEmpty()) {
                    f.add("vs-first:" + span.get(0));
                    f.add("vs-last:" + span.get(span.size() - 1));
                }
                for (String q : Features.singleQuoted(instruction)) {
                    if (q.equalsIgnoreCase(c.text())) {
                        f.add("v-single-quoted");
                    }
                }
                boolean capital = !c.text().isEmpty() && Character.isUpperCase(c.text().charAt(0)) && c.index() > 0;
                f.add("v-capital:" + capital);
                long inElement = span.stream().filter(elementWords::contains).count();
                f.add("v-in-element:" + Math.min(inElement, 2));
            }
            default -> { }
        }
        for (String w : ctx) {
            f.add("vc:" + w);
            for (String w2 : elementWords) {
                f.add("vx:" + w + "|" + w2);
                if (w2.equals(w)) {
                    f.add("v-match");
                }
            }
        }
        long used = history.stream().filter(p -> p.value().equalsIgnoreCase(c.text())).count();
        f.add("v-used:" + Math.min(used, 2));
        return List.copyOf(f);
    }

    /** Returns the bucket of each feature. */
    long[] ids(List<String> features) {
        long[] ids = new long[features.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = bucket(features.get(i));
        }
        return ids;
    }

    long bucket(String feature) {
        int h = 0x811c9dc5;
        for (byte b : feature.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x01000193;
        }
        return 1 + Integer.toUnsignedLong(h) % (buckets - 1);
    }

    static List<String> words(String text) {
        return matches(WORD, text.toLowerCase(Locale.ROOT), 0);
    }

    /** The spans in single quotes ('ephemeral'), as Mind2Web's tasks name words and titles. */
    static List<String> singleQuoted(String text) {
        return matches(SINGLE_QUOTED, text, 1);
    }

    static List<String> quoted(String text) {
        return matches(QUOTED, text, 1);
    }

    /** Every match of {@code pattern} in {@code text}, as its {@code group}, in order. */
    private static List<String> matches(Pattern pattern, String text, int group) {
        List<String> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(m.group(group));
        }
        return out;
    }
}
