package dev.gauntlet.llm;

import java.util.List;

/**
 * One chat-completion request. Unset sampling fields ({@code null}) take the client's defaults.
 *
 * @param messages    the conversation, oldest first
 * @param temperature sampling temperature, or null
 * @param seed        sampling seed, or null
 * @param maxTokens   completion token limit, or null
 * @param topLogprobs when not null, asks for logprobs with this many alternatives per token (0..20)
 */
public record ChatRequest(List<ChatMessage> messages, Double temperature, Long seed, Integer maxTokens,
                          Integer topLogprobs) {

    public ChatRequest {
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message");
        }
    }

    /** Returns a request of these messages with the client's default sampling. */
    public static ChatRequest of(List<ChatMessage> messages) {
        return new ChatRequest(messages, null, null, null, null);
    }

    /** Returns a request of these messages with the client's default sampling. */
    public static ChatRequest of(ChatMessage... messages) {
        return of(List.of(messages));
    }

    public ChatRequest withTemperature(double value) {
        return new ChatRequest(messages, value, seed, maxTokens, topLogprobs);
    }

    public ChatRequest withSeed(long value) {
        return new ChatRequest(messages, temperature, value, maxTokens, topLogprobs);
    }

    public ChatRequest withMaxTokens(int value) {
        return new ChatRequest(messages, temperature, seed, value, topLogprobs);
    }

    /** Returns a copy asking for each token's logprob and its {@code top} most likely alternatives. */
    public ChatRequest withLogprobs(int top) {
        return new ChatRequest(messages, temperature, seed, maxTokens, top);
    }
}
