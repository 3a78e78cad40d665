package dev.gauntlet.evaluators.judge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How Online-Mind2Web's WebJudge script reads its three replies, quirks kept. */
final class WebJudgeReplies {

    private WebJudgeReplies() {}

    private static final Pattern DIGIT = Pattern.compile("[1-5]");

    /** A screenshot's relevance: its score (0 when unreadable) and the reasoning the final call sees. */
    record Relevance(int score, String reasoning) {}

    /**
     * The key points as the final call sees them: blank lines dropped, the text after the first
     * {@code **Key Points**:} (up to a second one), else after the last {@code Key Points:}, each line left-stripped.
     */
    static String keyPoints(String reply) {
        String text = reply.replace("\n\n", "\n");
        String marked = "**Key Points**:";
        int first = text.indexOf(marked);
        String body;
        if (first >= 0) {
            int second = text.indexOf(marked, first + marked.length());
            body = text.substring(first + marked.length(), second < 0 ? text.length() : second);
        } else {
            int last = text.lastIndexOf("Key Points:");
            body = last < 0 ? text : text.substring(last + "Key Points:".length());
        }
        List<String> lines = new ArrayList<>();
        for (String line : body.split("\r\n|\r|\n")) {
            lines.add(line.stripLeading());
        }
        return String.join("\n", lines);
    }

    /**
     * The score is the first digit 1–5 between the first and second {@code ### Score}; the reasoning is the text
     * after the last {@code ### Reasoning:} up to {@code ### Score}, line breaks as spaces. No {@code ### Score} or
     * no such digit: score 0 (the script's exception path).
     */
    static Relevance relevance(String reply) {
        String marker = "### Score";
        int first = reply.indexOf(marker);
        if (first < 0) {
            return new Relevance(0, "");
        }
        int second = reply.indexOf(marker, first + marker.length());
        Matcher m = DIGIT.matcher(reply.substring(first + marker.length(), second < 0 ? reply.length() : second));
        if (!m.find()) {
            return new Relevance(0, "");
        }
        int r = reply.lastIndexOf("### Reasoning:");
        String after = (r < 0 ? reply : reply.substring(r + "### Reasoning:".length())).strip();
        int cut = after.indexOf(marker);
        String reasoning = (cut < 0 ? after : after.substring(0, cut)).replace('\n', ' ');
        return new Relevance(Integer.parseInt(m.group()), reasoning);
    }

    /**
     * The verdict as the script reads it: the lower-cased text between the first and second {@code status:} holds
     * "success" (so "unsuccessful" reads as success); null when the reply has no {@code status:} (the script's
     * exception path, which it counts as 0).
     */
    static Boolean status(String reply) {
        String lower = reply.toLowerCase(Locale.ROOT);
        int first = lower.indexOf("status:");
        if (first < 0) {
            return null;
        }
        int second = lower.indexOf("status:", first + 7);
        return lower.substring(first + 7, second < 0 ? lower.length() : second).contains("success");
    }
}
