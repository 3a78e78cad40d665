package dev.gauntlet.llm;

import dev.gauntlet.api.Usage;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A model's reply.
 *
 * @param text         the first choice's content
 * @param finishReason why generation stopped ({@code stop}, {@code length}), or {@code ""}
 * @param model        the model that answered, as the server names it
 * @param usage        tokens this call spent; zero when it came from the cache
 * @param logprobs     per-token logprobs when they were asked for, else empty
 * @param cached       whether the reply came from the on-disk cache (no request was made)
 * @param key          the cache key: SHA-256 of the request as sent, without credentials
 */
public record ChatResponse(String text, String finishReason, String model, Usage usage, List<TokenLogprob> logprobs,
                           boolean cached, String key) {

    /**
     * One generated token with its logprob and the most likely alternatives at its position.
     *
     * @param token   the token text
     * @param logprob its natural-log probability
     * @param top     alternative token text → logprob (includes the token itself when the server lists it)
     */
    public record TokenLogprob(String token, double logprob, Map<String, Double> top) {
        public TokenLogprob {
            top = Map.copyOf(top);
        }
    }

    public ChatResponse {
        text = text == null ? "" : text;
        finishReason = finishReason == null ? "" : finishReason;
        model = model == null ? "" : model;
        usage = usage == null ? Usage.NONE : usage;
        logprobs = List.copyOf(logprobs == null ? List.of() : logprobs);
    }

    /** Returns a copy marked as served from the cache, which costs nothing. */
    ChatResponse fromCache() {
        return new ChatResponse(text, finishReason, model, Usage.NONE, logprobs, true, key);
    }

    /** Returns this response with {@code value} as its usage (the client prices replies it did not serve from cache). */
    public ChatResponse withUsage(Usage value) {
        return new ChatResponse(text, finishReason, model, value, logprobs, cached, key);
    }

    /**
     * Returns the probability the model gave to {@code word} at the first generated position whose alternatives
     * contain it (case and surrounding spaces ignored, variants summed), or empty when no position lists it.
     */
    public OptionalDouble probabilityOf(String word) {
        String want = word.strip().toLowerCase(java.util.Locale.ROOT);
        for (TokenLogprob t : logprobs) {
            double p = 0;
            boolean seen = false;
            for (Map.Entry<String, Double> e : t.top().entrySet()) {
                if (e.getKey().strip().toLowerCase(java.util.Locale.ROOT).equals(want)) {
                    p += Math.exp(e.getValue());
                    seen = true;
                }
            }
            if (!seen && t.token().strip().toLowerCase(java.util.Locale.ROOT).equals(want)) {
                p = Math.exp(t.logprob());
                seen = true;
            }
            if (seen) {
                return OptionalDouble.of(Math.min(1.0, p));
            }
        }
        return OptionalDouble.empty();
    }
}
