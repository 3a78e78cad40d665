package dev.gauntlet.evaluators.judge;

import java.util.Locale;

/**
 * Reads the {@code orm} judge's reply when no logprobs came back. The published judges read their replies as their
 * scripts do, in their own classes ({@link WebJudgeReplies}, {@link EvalRefineJudge#status}, {@link AxTreeJudge#tag}).
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

}
