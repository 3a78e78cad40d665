package dev.gauntlet.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.api.Usage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The OpenAI chat-completions wire format: request bodies out, responses in. */
final class ChatWire {

    static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private ChatWire() {}

    /** Returns the request body; sampling fields left null in the request take the defaults given here. */
    static String body(String model, ChatRequest r, Double temperature, Long seed, Integer maxTokens) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", model);
        ArrayNode messages = root.putArray("messages");
        for (ChatMessage m : r.messages()) {
            ObjectNode node = messages.addObject();
            node.put("role", m.role());
            if (!m.hasImages()) {
                node.put("content", m.text()); // plain string: what text-only servers (llama.cpp, older Ollama) expect
                continue;
            }
            ArrayNode parts = node.putArray("content");
            for (ChatMessage.Part p : m.parts()) {
                if (p instanceof ChatMessage.Text t) {
                    parts.addObject().put("type", "text").put("text", t.text());
                } else if (p instanceof ChatMessage.Image i) {
                    parts.addObject().put("type", "image_url").putObject("image_url").put("url", i.dataUrl());
                }
            }
        }
        Double temp = r.temperature() != null ? r.temperature() : temperature;
        Long s = r.seed() != null ? r.seed() : seed;
        Integer max = r.maxTokens() != null ? r.maxTokens() : maxTokens;
        if (temp != null) {
            root.put("temperature", temp);
        }
        if (s != null) {
            root.put("seed", s);
        }
        if (max != null) {
            root.put("max_tokens", max);
        }
        if (r.topLogprobs() != null) {
            root.put("logprobs", true);
            root.put("top_logprobs", r.topLogprobs());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a response body; anything that is not a chat completion is an {@link LlmException} with status 0. */
    static ChatResponse parse(String body, String key) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new LlmException("malformed JSON from the model server: " + shorten(body), 0, e);
        }
        if (root == null || !root.isObject()) {
            throw new LlmException("the model server's answer is not a JSON object: " + shorten(body), 0);
        }
        JsonNode choice = root.path("choices").path(0);
        JsonNode message = choice.path("message");
        if (!message.isObject()) {
            throw new LlmException("the model server's answer has no choices[0].message: " + shorten(body), 0);
        }
        String text = content(message.path("content"));
        JsonNode usage = root.path("usage");
        Usage spent = new Usage(usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0), 0);
        return new ChatResponse(text, choice.path("finish_reason").asText(""), root.path("model").asText(""), spent,
                logprobs(choice.path("logprobs").path("content")), false, key);
    }

    private static String content(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode part : content) { // some servers answer with a list of text parts
            sb.append(part.path("text").asText(""));
        }
        return sb.toString();
    }

    private static List<ChatResponse.TokenLogprob> logprobs(JsonNode content) {
        List<ChatResponse.TokenLogprob> out = new ArrayList<>();
        for (JsonNode t : content) {
            Map<String, Double> top = new LinkedHashMap<>();
            for (JsonNode alt : t.path("top_logprobs")) {
                top.merge(alt.path("token").asText(""), alt.path("logprob").asDouble(Double.NEGATIVE_INFINITY),
                        Math::max);
            }
            out.add(new ChatResponse.TokenLogprob(t.path("token").asText(""),
                    t.path("logprob").asDouble(Double.NEGATIVE_INFINITY), top));
        }
        return out;
    }

    /** Returns the response as stored in the cache (the parsed fields, not the raw body). */
    static String store(ChatResponse r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("text", r.text()).put("finish_reason", r.finishReason()).put("model", r.model());
        root.putObject("usage").put("prompt_tokens", r.usage().tokensIn()).put("completion_tokens", r.usage().tokensOut());
        ArrayNode lps = root.putArray("logprobs");
        for (ChatResponse.TokenLogprob t : r.logprobs()) {
            ObjectNode n = lps.addObject().put("token", t.token()).put("logprob", t.logprob());
            ObjectNode top = n.putObject("top");
            t.top().forEach(top::put);
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads what {@link #store} wrote, as a cache hit. */
    static ChatResponse load(String stored, String key) throws JsonProcessingException {
        JsonNode root = JSON.readTree(stored);
        List<ChatResponse.TokenLogprob> lps = new ArrayList<>();
        for (JsonNode n : root.path("logprobs")) {
            Map<String, Double> top = new LinkedHashMap<>();
            n.path("top").fields().forEachRemaining(e -> top.put(e.getKey(), e.getValue().asDouble()));
            lps.add(new ChatResponse.TokenLogprob(n.path("token").asText(), n.path("logprob").asDouble(), top));
        }
        return new ChatResponse(root.path("text").asText(""), root.path("finish_reason").asText(""),
                root.path("model").asText(""), Usage.NONE, lps, true, key); // a cached reply costs nothing
    }

    static String shorten(String s) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ").strip();
        return one.length() <= 200 ? one : one.substring(0, 200) + "...";
    }
}
