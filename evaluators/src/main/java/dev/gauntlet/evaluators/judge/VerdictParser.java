package dev.gauntlet.evaluators.judge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads judges' replies. Each method returns a {@link Parsed} whose {@code success} is null when the reply says
 * neither success nor failure; the last statement wins, since models often restate the options before deciding.
 */
final class VerdictParser {

    private VerdictParser() {}

    /**
     * A parsed reply.
     *
     * @param success   true, false, or null when the reply gave no verdict
     * @param reasoning the text before the verdict
     * @param problem   why it could not be read, or {@code ""}
     */
    record Parsed(Boolean success, String reasoning, String problem) {
        static Parsed none(String reply, String problem) {
            return new Parsed(null, reply.strip(), problem);
        }
    }

    private static final Pattern WEBVOYAGER = Pattern.compile("\\b(NOT\\s+SUCCESS|SUCCESS)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern STATUS = Pattern.compile(
            "status\\W{0,6}(success(?:ful)?|failure|failed|fail)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<success>\\s*(yes|no|true|false|successful|unsuccessful)\\s*</success>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SCORE = Pattern.compile("score\\W{0,6}([1-5])\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern KEY_POINT = Pattern.compile("^\\s*(?:\\d+[.)]|[-*])\\s+(.+)$", Pattern.MULTILINE);

    /** WebVoyager: the reply ends with SUCCESS or NOT SUCCESS. */
    static Parsed webVoyager(String reply) {
        Matcher m = WEBVOYAGER.matcher(reply);
        String last = null;
        int at = -1;
        while (m.find()) {
            last = m.group(1);
            at = m.start();
        }
        if (last == null) {
            return Parsed.none(reply, "the reply says neither SUCCESS nor NOT SUCCESS");
        }
        boolean success = !last.toUpperCase(Locale.ROOT).startsWith("NOT");
        return new Parsed(success, trimVerdictLine(reply.substring(0, at)), "");
    }

    /** Agent-Eval-Refine and WebJudge: thoughts, then {@code Status: success} or {@code Status: failure}. */
    static Parsed status(String reply) {
        Matcher m = STATUS.matcher(reply);
        String last = null;
        int at = -1;
        while (m.find()) {
            last = m.group(1).toLowerCase(Locale.ROOT);
            at = m.start();
        }
        if (last == null) {
            return Parsed.none(reply, "the reply has no 'Status: success' or 'Status: failure'");
        }
        String reasoning = reply.substring(0, at).replaceFirst("(?is)^\\s*thoughts?\\s*:", "").strip();
        return new Parsed(last.startsWith("success"), reasoning, "");
    }

    /** AgentRewardBench-style: {@code <reasoning>...</reasoning>} and {@code <success>yes|no</success>}. */
    static Parsed tagged(String reply) {
        Matcher m = TAG.matcher(reply);
        String last = null;
        while (m.find()) {
            last = m.group(1).toLowerCase(Locale.ROOT);
        }
        if (last == null) {
            return Parsed.none(reply, "the reply has no <success>yes</success> or <success>no</success>");
        }
        boolean success = last.equals("yes") || last.equals("true") || last.equals("successful");
        return new Parsed(success, tag(reply, "reasoning").orElse(reply.strip()), "");
    }

    /** Returns the text inside {@code <name>...</name>}, if present. */
    static java.util.Optional<String> tag(String reply, String name) {
        Matcher m = Pattern.compile("<" + name + ">(.*?)</" + name + ">", Pattern.DOTALL | Pattern.CASE_INSENSITIVE)
                .matcher(reply);
        return m.find() ? java.util.Optional.of(m.group(1).strip()) : java.util.Optional.empty();
    }

    /** WebJudge step 1: the numbered or bulleted key points after "Key points:". */
    static List<String> keyPoints(String reply) {
        int start = reply.toLowerCase(Locale.ROOT).indexOf("key points");
        String body = start < 0 ? reply : reply.substring(start);
        List<String> out = new ArrayList<>();
        Matcher m = KEY_POINT.matcher(body);
        while (m.find()) {
            out.add(m.group(1).strip());
        }
        return out;
    }

    /** WebJudge step 2: a screenshot's relevance, {@code Score: 1..5}, or empty when the reply has none. */
    static OptionalInt relevance(String reply) {
        Matcher m = SCORE.matcher(reply);
        int last = -1;
        while (m.find()) {
            last = Integer.parseInt(m.group(1));
        }
        return last < 0 ? OptionalInt.empty() : OptionalInt.of(last);
    }

    /** ORM fallback when no logprobs came back: the first word YES or NO. */
    static Parsed yesNo(String reply) {
        String word = reply.strip().replaceAll("^[^A-Za-z]+", "").split("[^A-Za-z]", 2)[0].toUpperCase(Locale.ROOT);
        if (word.equals("YES")) {
            return new Parsed(true, "", "");
        }
        if (word.equals("NO")) {
            return new Parsed(false, "", "");
        }
        return Parsed.none(reply, "the reply starts with neither YES nor NO");
    }

    private static String trimVerdictLine(String before) {
        return before.replaceFirst("(?i)(final\\s+)?(verdict|answer|result)\\s*[:：]?\\s*[\"'*]*\\s*$", "").strip();
    }
}
