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
 * model is the judges' ({@code judge.*} over {@code llm.*}); temperature 0 and 768 tokens, as upstream; the messages
 * are {@link FuzzyPrompts}' (ours, or the user's templates).
 */
final class FuzzyJudge {

    static final String NEEDS = "needs a judge for fuzzy_match: set -Dllm.base_url and -Dllm.model";

    private final Config config;
    private final List<String> replies = new ArrayList<>();
    private Usage usage = Usage.NONE;
    private ChatClient client;
    private FuzzyPrompts prompts;

    FuzzyJudge(Config config) {
        this.config = config;
    }

    /**
     * Returns 1 when the model calls {@code pred} a correct answer to {@code question} given {@code reference}. As
     * upstream reads the lower-cased reply: "partially correct" or "incorrect" anywhere → 0, else "correct" → 1,
     * else no verdict ({@link NoVerdictException}).
     */
    double fuzzy(String pred, String reference, String question, Dialect dialect) {
        String template = dialect == Dialect.LITE ? prompts().fuzzyLite() : prompts().fuzzy();
        String reply = ask(FuzzyPrompts.fill(template, question, reference, pred));
        if (reply.contains("partially correct") || reply.contains("incorrect")) {
            return 0.0;
        }
        if (reply.contains("correct")) {
            return 1.0;
        }
        throw new NoVerdictException("the judge's fuzzy_match reply names no verdict: " + abbreviate(reply));
    }

    /**
     * Returns 1 when the model finds the reported reason for giving up the same as the annotated one: "different"
     * anywhere → 0, else "same" → 1, else no verdict, as upstream reads it.
     */
    double unachievableReason(String pred, String reference, String task) {
        String reply = ask(FuzzyPrompts.fill(prompts().reason(), task, reference, pred));
        if (reply.contains("different")) {
            return 0.0;
        }
        if (reply.contains("same")) {
            return 1.0;
        }
        throw new NoVerdictException("the judge's N/A reply says neither same nor different: " + abbreviate(reply));
    }

    /** Returns whether a model server is configured for the judged checks. */
    boolean configured() {
        return LlmSettings.missing(LlmSettings.judgeOptions(config)) == null;
    }

    private FuzzyPrompts prompts() {
        if (prompts == null) {
            FuzzyPrompts loaded = WebArenaSettings.PROMPTS.read(config);
            prompts = loaded == null ? FuzzyPrompts.DEFAULT : loaded;
        }
        return prompts;
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
