package dev.gauntlet.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** {@code -Dtasks=}: comma-separated globs ({@code *}, {@code ?}) over task ids; a leading {@code !} excludes. */
final class TaskFilter {

    private final List<Pattern> include = new ArrayList<>();
    private final List<Pattern> exclude = new ArrayList<>();
    private final String text;

    TaskFilter(String text) {
        this.text = text == null ? "" : text.trim();
        for (String part : this.text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            if (p.startsWith("!")) {
                exclude.add(glob(p.substring(1)));
            } else {
                include.add(glob(p));
            }
        }
    }

    boolean isEmpty() {
        return include.isEmpty() && exclude.isEmpty();
    }

    String text() {
        return text;
    }

    /** Matches either the bare id or {@code suite/id}. */
    boolean matches(String suite, String id) {
        String qualified = suite + "/" + id;
        boolean in = include.isEmpty() || include.stream().anyMatch(p -> p.matcher(id).matches() || p.matcher(qualified).matches());
        boolean out = exclude.stream().anyMatch(p -> p.matcher(id).matches() || p.matcher(qualified).matches());
        return in && !out;
    }

    static Pattern glob(String glob) {
        StringBuilder sb = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> sb.append(".*");
                case '?' -> sb.append('.');
                default -> sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(sb.toString());
    }
}
