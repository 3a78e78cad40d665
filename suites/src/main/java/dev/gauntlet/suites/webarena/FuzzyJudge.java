package dev.gauntlet.suites.webarena;

import dev.gauntlet.api.Config;
import dev.gauntlet.api.Usage;
import dev.gauntlet.llm.ChatClient;
import dev.gauntlet.llm.ChatMessage;
import dev.gauntlet.llm.ChatRequest;
import dev.gauntlet.llm.ChatResponse;
import dev.gauntlet.llm.LlmSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The two model calls of WebArena's string checks: fuzzy_match (the reply must say "correct"; "partially correct" and
 * "incorrect" fail) and the unachievable-reason comparison of "N/A" tasks ("same" passes, "different" fails). The
 * model is the judges' ({@code judge.*} over {@code llm.*}); temperature 0, as upstream.
 */
final class FuzzyJudge {

    static final String NEEDS = "needs a judge for fuzzy_match: set -Dllm.base_url and -Dllm.model";

    private final Config config;
    private final List<String> replies = new ArrayList<>();
    private Usage usage = Usage.NONE;
    private ChatClient client;

    FuzzyJudge(Config config) {
        this.config = config;
    }

    /** Returns 1 when the model calls {@code pred} a correct answer to {@code question} given {@code reference}. */
    double fuzzy(String pred, String reference, String question) {
        String prompt = "Grade a student's answer to a question against the reference answer. Different wording is "
                + "fine; what matters is whether the meaning is the same.\n"
                + "question: " + question + "\n"
                + "reference answer: " + reference + "\n"
                + "Note: the string 'N/A' means 'not achievable'.\n"
                + "student answer: " + pred + "\n"
                + "End with one verdict: correct, incorrect or partially correct.";
        String reply = ask(prompt);
        if (reply.contains("partially correct") || reply.contains("incorrect")) {
            return 0.0;
        }
        if (reply.contains("correct")) {
            return 1.0;
        }
        throw new IllegalStateException("the judge's fuzzy_match reply names no verdict: " + abbreviate(reply));
    }

    /** Returns 1 when the model finds the reported reason for giving up the same as the annotated one. */
    double unachievableReason(String pred, String reference, String task) {
        String prompt = "task: " + task + "\n"
                + "actual reason the task cannot be done: " + reference + "\n"
                + "reason the worker reported: " + pred + "\n"
                + "The task cannot be done, for the actual reason above. Someone tried it, gave up, and reported a "
                + "reason. Does the reported reason agree with the actual one, even implicitly? Answer 'same' if it "
                + "does, otherwise 'different'.";
        String reply = ask(prompt);
        if (reply.contains("different")) {
            return 0.0;
        }
        if (reply.contains("same")) {
            return 1.0;
        }
        throw new IllegalStateException("the judge's N/A reply says neither same nor different: " + abbreviate(reply));
    }

    List<String> replies() {
        return List.copyOf(replies);
    }

    Usage usage() {
        return usage;
    }

    private String ask(String prompt) {
        ChatResponse r = client().chat(ChatRequest.of(ChatMessage.system("You are a helpful assistant"),
                ChatMessage.user(prompt)).withTemperature(0).withMaxTokens(768));
        usage = usage.plus(r.usage());
        replies.add(r.text());
        return r.text().toLowerCase(Locale.ROOT);
    }

    private ChatClient client() {
        if (client == null) {
            ChatClient.Options options = LlmSettings.judgeOptions(config);
            if (LlmSettings.missing(options) != null) {
                throw new NeedsJudgeException(NEEDS);
            }
            client = ChatClient.shared(options);
        }
        return client;
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
