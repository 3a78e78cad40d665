package dev.gauntlet.agents.djl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values the policy may type or select, each a copy of something the instruction says: its double-quoted spans
 * (MiniWoB quotes what to type); each date it names re-rendered in the numeric formats date fields take (MiniWoB's
 * enter-date names a date in words and asks for {@code DD.MM.YYYY}; a {@code type=date} input takes
 * {@code YYYY-MM-DD}); and, when it quotes nothing, its word spans of one to three words as written and in lower case
 * (Mind2Web's typed values are mostly the task's words, often lower-cased: "lentil chili" for "Smoky Lentil Chili")
 * and the whole instruction in lower case (WebShop's rule baseline searches the instruction).
 */
final class ValueCandidates {

    /** Where a candidate comes from. */
    enum Kind { QUOTED, DATE, SPAN, WHOLE }

    /**
     * One candidate.
     *
     * @param text   the value
     * @param kind   where it comes from
     * @param index  its quoted span's position (QUOTED), or its first word's position (SPAN); 0 for dates
     * @param format the date format it is rendered in (DATE), else ""
     */
    record Candidate(String text, Kind kind, int index, String format) {}

    /** The date formats a date is re-rendered in. */
    static final List<String> DATE_FORMATS = List.of("MM/DD/YYYY", "DD.MM.YYYY", "YYYY-MM-DD");

    private static final int MAX_SPAN_WORDS = 3;
    private static final int MAX_CANDIDATES = 240;
    private static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december");
    private static final Pattern IN_WORDS = Pattern.compile(
            "(?i)\\b(" + String.join("|", MONTHS) + ")\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
    private static final Pattern US = Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})/(\\d{4})\\b");
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern DOTTED = Pattern.compile("\\b(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})\\b");
    private static final String EDGE = "^[\\p{Punct}‘’“”]+|[\\p{Punct}‘’“”]+$";

    private ValueCandidates() {}

    /** Returns the instruction's candidates, each text once, in a fixed order (the element only changes features). */
    static List<Candidate> of(String instruction, boolean dates) {
        Map<String, Candidate> out = new LinkedHashMap<>();
        List<String> quoted = Features.quoted(instruction);
        for (int i = 0; i < quoted.size(); i++) {
            out.putIfAbsent(quoted.get(i), new Candidate(quoted.get(i), Kind.QUOTED, i, ""));
        }
        for (int[] ymd : dates ? dates(instruction) : List.<int[]>of()) {
            for (String f : DATE_FORMATS) {
                String text = render(f, ymd);
                out.putIfAbsent(text, new Candidate(text, Kind.DATE, 0, f));
            }
        }
        if (quoted.isEmpty()) {
            List<String> words = tokens(instruction);
            for (int n = 1; n <= MAX_SPAN_WORDS; n++) {
                for (int i = 0; i + n <= words.size(); i++) {
                    String span = String.join(" ", words.subList(i, i + n));
                    out.putIfAbsent(span, new Candidate(span, Kind.SPAN, i, ""));
                    String lower = span.toLowerCase(Locale.ROOT);
                    out.putIfAbsent(lower, new Candidate(lower, Kind.SPAN, i, ""));
                }
            }
            String whole = String.join(" ", words).toLowerCase(Locale.ROOT);
            if (!whole.isEmpty()) {
                out.putIfAbsent(whole, new Candidate(whole, Kind.WHOLE, 0, ""));
            }
        }
        return out.values().stream().limit(MAX_CANDIDATES).toList();
    }

    /** Returns the candidates' texts. */
    static List<String> texts(String instruction, boolean dates) {
        return of(instruction, dates).stream().map(Candidate::text).toList();
    }

    /**
     * Returns the index of the candidate a gold value teaches: the one equal to it, else (a value no copy of the
     * instruction gives, as WebShop's gold query, the product's title) the one holding most of its words, the
     * shorter on a tie; -1 when none shares a word.
     */
    static int target(List<String> candidates, String gold) {
        int exact = candidates.indexOf(gold);
        if (exact >= 0 || gold.isEmpty()) {
            return exact;
        }
        java.util.Set<String> want = new java.util.HashSet<>(Features.words(gold));
        int best = -1;
        long bestShared = 0;
        int bestSize = Integer.MAX_VALUE;
        for (int i = 0; i < candidates.size(); i++) {
            List<String> words = Features.words(candidates.get(i));
            long shared = words.stream().distinct().filter(want::contains).count();
            if (shared > bestShared || shared == bestShared && shared > 0 && words.size() < bestSize) {
                best = i;
                bestShared = shared;
                bestSize = words.size();
            }
        }
        return best;
    }

    /** The instruction's whitespace-separated words, punctuation at their edges removed ("129.99." → "129.99"). */
    static List<String> tokens(String instruction) {
        List<String> out = new ArrayList<>();
        for (String w : instruction.strip().split("\\s+")) {
            String t = w.replaceAll(EDGE, "");
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /** The dates the instruction names (in words, MM/DD/YYYY, YYYY-MM-DD or DD.MM.YYYY) as year, month, day. */
    static List<int[]> dates(String instruction) {
        List<int[]> out = new ArrayList<>();
        Matcher m = IN_WORDS.matcher(instruction);
        while (m.find()) {
            add(out, Integer.parseInt(m.group(3)), MONTHS.indexOf(m.group(1).toLowerCase(Locale.ROOT)) + 1,
                    Integer.parseInt(m.group(2)));
        }
        m = US.matcher(instruction);
        while (m.find()) {
            add(out, Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        m = ISO.matcher(instruction);
        while (m.find()) {
            add(out, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        m = DOTTED.matcher(instruction);
        while (m.find()) {
            add(out, Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
        }
        return out;
    }

    private static void add(List<int[]> out, int y, int month, int d) {
        if (month < 1 || month > 12 || d < 1 || d > 31 || out.stream().anyMatch(o -> o[0] == y && o[1] == month
                && o[2] == d)) {
            return;
        }
        out.add(new int[] {y, month, d});
    }

    /** Renders a date in one of {@link #DATE_FORMATS}. */
    static String render(String format, int[] ymd) {
        String y = String.format(Locale.ROOT, "%04d", ymd[0]);
        String mm = String.format(Locale.ROOT, "%02d", ymd[1]);
        String dd = String.format(Locale.ROOT, "%02d", ymd[2]);
        return format.replace("YYYY", y).replace("MM", mm).replace("DD", dd);
    }
}
