package dev.gauntlet.suites.mind2web;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The visible text of candidates, read from a step's cleaned HTML, where each element carries its
 * {@code backend_node_id}. The cleaned HTML is small and regular (upstream pruned it), so a scan suffices; HTML that
 * does not parse gives empty texts, never an error.
 */
final class CandidateText {

    private static final Pattern OPEN = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]*)\\b[^>]*?\\bbackend_node_id=\"([^\"]+)\"[^>]*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final int MAX = 120;

    private final String html;
    private final Map<String, Integer> opens = new HashMap<>();
    private final Map<String, Integer> starts = new HashMap<>();
    private final Map<String, String> tags = new HashMap<>();

    CandidateText(String html) {
        this.html = html == null ? "" : html;
        Matcher m = OPEN.matcher(this.html);
        while (m.find()) {
            opens.putIfAbsent(m.group(2), m.start());
            starts.putIfAbsent(m.group(2), m.end());
            tags.putIfAbsent(m.group(2), m.group(1).toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** Returns the element's text (up to its closing tag; for an input, its value or placeholder), whitespace collapsed. */
    String of(String backendNodeId) {
        Integer start = starts.get(backendNodeId);
        if (start == null) {
            return "";
        }
        String tag = tags.get(backendNodeId);
        int end = html.indexOf("</" + tag, start);
        String inner = end < 0 ? "" : html.substring(start, end);
        String text = TAG.matcher(inner).replaceAll(" ").replaceAll("\\s+", " ").strip();
        return text.length() > MAX ? text.substring(0, MAX) : text;
    }

    /** Returns where the element starts in the cleaned HTML (document order), or -1 when it is not there. */
    int position(String backendNodeId) {
        return opens.getOrDefault(backendNodeId, -1);
    }

    /**
     * Returns the element's own HTML (its tags and what is between them, whitespace collapsed, at most {@code max}
     * characters), or {@code ""} when it is not there.
     */
    String outer(String backendNodeId, int max) {
        Integer open = opens.get(backendNodeId);
        if (open == null) {
            return "";
        }
        String tag = tags.get(backendNodeId);
        int end = html.indexOf("</" + tag, starts.get(backendNodeId));
        int close = end < 0 ? -1 : html.indexOf('>', end);
        String outer = close < 0 ? html.substring(open, starts.get(backendNodeId)) : html.substring(open, close + 1);
        outer = outer.replaceAll("\\s+", " ").strip();
        return outer.length() > max ? outer.substring(0, max) : outer;
    }
}
