package dev.gauntlet.evaluators.judge;

import dev.gauntlet.api.Usage;
import dev.gauntlet.api.Verdict;
import dev.gauntlet.llm.ChatClient;
import dev.gauntlet.llm.ChatRequest;
import dev.gauntlet.llm.ChatResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One judgement in progress: the model calls it made, their token cost and cache keys, and the digests of its
 * inputs, which every verdict keeps as evidence.
 */
final class JudgeCall {

    private final String judge;
    private final ChatClient client;
    private final Map<String, String> inputs = new LinkedHashMap<>();
    private final List<String> requests = new ArrayList<>();
    private final List<String> replies = new ArrayList<>();
    private Usage usage = Usage.NONE;
    private int cached;

    JudgeCall(String judge, ChatClient client) {
        this.judge = judge;
        this.client = client;
    }

    /** Records an input's SHA-256 under {@code label}. */
    void input(String label, String text) {
        input(label, text.getBytes(StandardCharsets.UTF_8));
    }

    void input(String label, byte[] data) {
        inputs.put(label, sha256(data));
    }

    /** Sends a request; model failures propagate as {@link dev.gauntlet.llm.LlmException}. */
    ChatResponse ask(ChatRequest request) {
        ChatResponse r = client.chat(request);
        usage = usage.plus(r.usage());
        requests.add(r.key());
        replies.add(r.text());
        cached += r.cached() ? 1 : 0;
        return r;
    }

    Verdict success(double score, String explanation, String reasoning, Map<String, Object> more) {
        return verdict(Verdict.Outcome.SUCCESS, score, explanation, reasoning, more);
    }

    Verdict failure(double score, String explanation, String reasoning, Map<String, Object> more) {
        return verdict(Verdict.Outcome.FAILURE, score, explanation, reasoning, more);
    }

    /** Returns an unscored verdict that still carries what was spent and received. */
    Verdict unscored(String why) {
        return verdict(Verdict.Outcome.UNSCORED, Double.NaN, why, "", Map.of());
    }

    Verdict verdict(Verdict.Outcome outcome, double score, String explanation, String reasoning,
                    Map<String, Object> more) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("model", client.model());
        evidence.put("reasoning", reasoning == null ? "" : reasoning);
        evidence.put("replies", List.copyOf(replies));
        evidence.put("inputs_sha256", Map.copyOf(inputs));
        evidence.put("requests_sha256", List.copyOf(requests));
        evidence.put("calls", requests.size());
        evidence.put("cached_calls", cached);
        evidence.put("tokens_in", usage.tokensIn());
        evidence.put("tokens_out", usage.tokensOut());
        evidence.putAll(more);
        return new Verdict(judge, outcome, score, explanation, evidence, usage);
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
