package dev.gauntlet.suites.remote;

import dev.gauntlet.api.Config;
import dev.gauntlet.serve.EnvServer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16, "Bad input": 1,000 malformed requests (random bytes, truncated and mistyped JSON, unknown sessions,
 * wrong paths and methods) each get a 4xx with a message, and the server then still plays an episode.
 */
class EnvServerFuzzTests {

    private static final List<String> PATHS = List.of("/reset", "/step", "/close", "/suites", "/suites/miniwob/tasks",
            "/", "/reset/", "/suites//tasks", "/%00", "/step?x=1");
    private static final List<String> TEMPLATES = List.of(
            "{", "[]", "null", "42", "\"reset\"", "{\"suite\": 1}", "{\"suite\": \"miniwob\"}",
            "{\"suite\": \"miniwob\", \"task\": \"click-button\", \"seed\": 1.5}",
            "{\"suite\": \"miniwob\", \"task\": \"click-button\", \"seed\": \"x\"}",
            "{\"suite\": \"miniwob\", \"task\": [\"click-button\"]}",
            "{\"suite\": \"nope\", \"task\": \"x\"}",
            "{\"suite\": \"miniwob\", \"task\": \"click-button\", \"grammar\": \"klingon\"}",
            "{\"session\": \"no-such-session\", \"action\": \"click('1')\"}",
            "{\"session\": null}", "{\"session\": {}}", "{\"action\": \"noop()\"}",
            "{\"protocol_version\": 99, \"session\": \"x\"}", "{\"session\": \"x\", \"action\": 7}");

    @Test
    void aThousandMalformedRequestsGet4xxAndTheServerGoesOn() throws Exception {
        try (EnvServer server = EnvServer.start(Config.of(Map.of("gauntlet.serve.port", "0",
                "gauntlet.workers", "1")))) {
            EnvClient client = new EnvClient(server.url(), null);
            Random random = new Random(16);
            Map<Integer, Integer> statuses = new TreeMap<>();
            List<String> bad = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                byte[] body = switch (i % 4) {
                    case 0 -> randomBytes(random);
                    case 1 -> mutate(TEMPLATES.get(random.nextInt(TEMPLATES.size())), random);
                    default -> TEMPLATES.get(random.nextInt(TEMPLATES.size())).getBytes(StandardCharsets.UTF_8);
                };
                String path = PATHS.get(random.nextInt(PATHS.size()));
                String method = random.nextInt(10) == 0 ? "PUT" : "POST";
                EnvClient.Reply r = client.send(method, path, body);
                statuses.merge(r.status(), 1, Integer::sum);
                boolean refused = r.status() >= 400 && r.status() < 500 && r.body().path("error").asText().length() > 0;
                // a mutated template may by chance be a valid reset; the server may answer it
                boolean served = r.status() == 200 && path.equals("/reset");
                if (!refused && !served) {
                    bad.add(method + " " + path + " " + new String(body, StandardCharsets.UTF_8) + " -> " + r);
                }
                if (served) {
                    client.post("/close", EnvClient.json("session", r.body().get("session").asText()));
                }
            }
            assertEquals(List.of(), bad, "statuses: " + statuses);
            assertTrue(statuses.getOrDefault(400, 0) > 300 && statuses.getOrDefault(404, 0) > 100, statuses.toString());
            EnvClient.Reply reset = client.post("/reset", EnvClient.json("suite", "miniwob", "task", "click-button"));
            assertEquals(200, reset.status(), "still serving after the fuzz: " + reset);
            assertEquals(1, server.openSessions());
        }
    }

    private static byte[] randomBytes(Random random) {
        byte[] b = new byte[random.nextInt(64)];
        random.nextBytes(b);
        return b;
    }

    private static byte[] mutate(String template, Random random) {
        StringBuilder s = new StringBuilder(template);
        for (int k = 0; k < 1 + random.nextInt(3) && s.length() > 0; k++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(3)) {
                case 0 -> s.deleteCharAt(at);
                case 1 -> s.insert(at, "{}[],:\"\\".charAt(random.nextInt(8)));
                default -> s.setLength(at);
            }
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }
}
