package dev.gauntlet.suites.webshop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON of option choices (kept in page URLs, as upstream does) and of purchases. */
final class WebShopJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WebShopJson() {}

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads option choices; anything malformed reads as no choices. */
    static Map<String, String> options(String json) {
        if (json == null || json.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            return new LinkedHashMap<>(JSON.readValue(json, new TypeReference<Map<String, String>>() {}));
        } catch (JsonProcessingException e) {
            return new LinkedHashMap<>();
        }
    }
}
