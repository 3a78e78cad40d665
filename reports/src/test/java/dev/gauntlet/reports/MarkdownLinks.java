package dev.gauntlet.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The link targets of a markdown text, for tests that check where a generated file points. */
final class MarkdownLinks {

    /** {@code [text](target)} and {@code ![alt](target "title")}; the text may hold brackets of its own. */
    private static final Pattern LINK =
            Pattern.compile("\\[(?:[^\\[\\]]|\\[[^\\]]*\\])*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");

    private MarkdownLinks() {}

    /** Returns the targets that are paths (not URLs or anchors), in order, without their {@code #fragment}. */
    static List<String> paths(String markdown) {
        List<String> out = new ArrayList<>();
        Matcher m = LINK.matcher(markdown);
        while (m.find()) {
            String target = m.group(1);
            if (!target.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*") && !target.startsWith("#")) {
                out.add(target.replaceFirst("#.*$", ""));
            }
        }
        return out;
    }
}
