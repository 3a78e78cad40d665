package dev.gauntlet.suites.mind2web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * MindAct's candidate ranking: for each step ({@code "<annotation_id>_<action_uid>"}) each candidate's rank, 0 the
 * best. Read from the JSON form of {@code scores_all_data.pkl}, {@code {"scores": {step: {id: score}}, "ranks":
 * {step: {id: rank}}}}; only the ranks are kept (without them, ranks are made from the scores, highest first).
 */
final class Ranking {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Map<String, Integer>> ranks;

    Ranking(Map<String, Map<String, Integer>> ranks) {
        this.ranks = ranks;
    }

    /** Returns the key of a step in the ranking file. */
    static String key(String annotationId, String actionUid) {
        return annotationId + "_" + actionUid;
    }

    /** Tells whether the file ranks this step at all. */
    boolean ranks(String annotationId, String actionUid) {
        return ranks.containsKey(key(annotationId, actionUid));
    }

    /** Returns a candidate's rank, empty when the step or the candidate is not ranked. */
    OptionalInt rank(String annotationId, String actionUid, String backendNodeId) {
        Map<String, Integer> step = ranks.get(key(annotationId, actionUid));
        Integer r = step == null ? null : step.get(backendNodeId);
        return r == null ? OptionalInt.empty() : OptionalInt.of(r);
    }

    /** Returns the number of steps ranked. */
    int size() {
        return ranks.size();
    }

    /** Reads the JSON form, streaming over the steps. */
    static Ranking readJson(Path file) throws IOException {
        Map<String, Map<String, Integer>> ranks = new HashMap<>();
        Map<String, Map<String, Double>> scores = new HashMap<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             JsonParser p = JSON.getFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException(file + " is not a JSON object with 'ranks' or 'scores'");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String section = p.currentName();
                p.nextToken();
                if (section.equals("ranks") || section.equals("scores")) {
                    if (p.currentToken() != JsonToken.START_OBJECT) {
                        throw new IOException(file + " field '" + section + "' is not an object");
                    }
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String step = p.currentName();
                        p.nextToken();
                        Map<String, Number> values = JSON.readValue(p, JSON.getTypeFactory()
                                .constructMapType(HashMap.class, String.class, Number.class));
                        if (section.equals("ranks")) {
                            Map<String, Integer> m = new HashMap<>();
                            values.forEach((k, v) -> m.put(k, v.intValue()));
                            ranks.put(step, m);
                        } else {
                            Map<String, Double> m = new HashMap<>();
                            values.forEach((k, v) -> m.put(k, v.doubleValue()));
                            scores.put(step, m);
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        if (ranks.isEmpty()) {
            scores.forEach((step, s) -> ranks.put(step, fromScores(s)));
        }
        if (ranks.isEmpty()) {
            throw new IOException(file + " has no 'ranks' or 'scores' entries");
        }
        return new Ranking(ranks);
    }

    /** Ranks by score, highest first; ties keep the id order so the result does not depend on hashing. */
    static Map<String, Integer> fromScores(Map<String, Double> scores) {
        List<String> ids = new ArrayList<>(scores.keySet());
        ids.sort((a, b) -> {
            int c = Double.compare(scores.get(b), scores.get(a));
            return c != 0 ? c : a.compareTo(b);
        });
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            out.put(ids.get(i), i);
        }
        return out;
    }
}
