package dev.gauntlet.suites.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.ConfigException;
import dev.gauntlet.serve.EnvServer;
import dev.gauntlet.wire.ProtocolSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code gauntlet serve} driven over real HTTP on loopback: built-in MiniWoB in real Chromium, scored by its oracle. */
class EnvServerTests {

    private static EnvServer server;
    private static EnvClient client;

    @BeforeAll
    static void start() throws Exception {
        server = EnvServer.start(Config.of(Map.of("gauntlet.serve.port", "0", "gauntlet.workers", "2")));
        client = new EnvClient(server.url(), null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String bidNamed(JsonNode obs, String name) {
        for (JsonNode e : obs.get("elements")) {
            if (e.get("name").asText().equals(name) && e.get("interactive").asBoolean()) {
                return e.get("bid").asText();
            }
        }
        throw new AssertionError("no element named " + name + " in " + obs.get("axtree_txt"));
    }

    private static String quotedWord(String goal) {
        Matcher m = Pattern.compile("\"([^\"]+)\"").matcher(goal);
        assertTrue(m.find(), goal);
        return m.group(1);
    }

    @Test
    void listsSuitesAndTasksWithTheirStepLimits() throws Exception {
        EnvClient.Reply suites = client.get("/suites");
        assertTrue(suites.body().get("suites").toString().contains("\"miniwob\""), suites.toString());
        EnvClient.Reply tasks = client.get("/suites/miniwob/tasks");
        assertEquals(200, tasks.status());
        JsonNode clickButton = null;
        for (JsonNode t : tasks.body().get("tasks")) {
            if (t.get("id").asText().equals("click-button")) {
                clickButton = t;
            }
        }
        assertEquals(10, clickButton.get("max_steps").asInt(), "BrowserGym's MiniWoB step limit");
        assertEquals(404, client.get("/suites/nosuch/tasks").status());
    }

    @Test
    void aSolvedEpisodeEndsWithTheOraclesVerdictAsReward() throws Exception {
        EnvClient.Reply reset = client.post("/reset", EnvClient.json("suite", "miniwob", "task", "click-button",
                "seed", 0));
        assertEquals(200, reset.status(), reset.toString());
        String session = reset.body().get("session").asText();
        JsonNode obs = reset.body().get("obs");
        String bid = bidNamed(obs, quotedWord(obs.get("goal").asText()));

        EnvClient.Reply step = client.post("/step", EnvClient.json("session", session, "action",
                "click('" + bid + "')"));
        assertEquals(200, step.status(), step.toString());
        assertTrue(step.body().get("terminated").asBoolean(), step.toString());
        assertFalse(step.body().get("truncated").asBoolean());
        assertEquals(1.0, step.body().get("reward").asDouble());
        assertEquals("success", step.body().at("/info/verdict/outcome").asText());
        assertEquals("done", step.body().at("/info/stop_reason").asText());

        EnvClient.Reply again = client.post("/step", EnvClient.json("session", session, "action", "noop()"));
        assertEquals(409, again.status(), "the episode is over");
        assertEquals(200, client.post("/close", EnvClient.json("session", session)).status());
        EnvClient.Reply gone = client.post("/step", EnvClient.json("session", session, "action", "noop()"));
        assertEquals(404, gone.status());
        assertTrue(gone.body().get("error").asText().contains("unknown session"), gone.toString());
    }

    @Test
    void badActionsAreStepErrorsAndTheStepLimitTruncates() throws Exception {
        EnvClient.Reply reset = client.post("/reset", EnvClient.json("suite", "miniwob", "task", "click-button",
                "seed", 1, "screenshots", true));
        String session = reset.body().get("session").asText();
        assertTrue(reset.body().at("/obs/screenshot").asText().startsWith("iVBOR"), "a base64 PNG when asked");
        EnvClient.Reply step = null;
        for (int i = 0; i < 10; i++) {
            step = client.post("/step", EnvClient.json("session", session, "action",
                    i == 0 ? "teleport('1')" : i == 1 ? "click('99999')" : "noop()"));
            assertEquals(200, step.status(), step.toString());
            if (i < 2) {
                assertTrue(step.body().at("/info/error").asText().length() > 0,
                        "an unknown action and a missing element are step errors: " + step);
            }
            assertEquals(i == 9, step.body().get("truncated").asBoolean(), "step " + i);
        }
        assertFalse(step.body().get("terminated").asBoolean());
        assertEquals(0.0, step.body().get("reward").asDouble());
        assertEquals("max-steps", step.body().at("/info/stop_reason").asText());
        assertEquals("failure", step.body().at("/info/verdict/outcome").asText());
        client.post("/close", EnvClient.json("session", session));
    }

    @Test
    void refusesUnknownTasksAndMissingFieldsWithAMessage() throws Exception {
        EnvClient.Reply task = client.post("/reset", EnvClient.json("suite", "miniwob", "task", "no-such-task"));
        assertEquals(404, task.status());
        assertTrue(task.body().get("error").asText().contains("no-such-task"), task.toString());
        EnvClient.Reply seed = client.post("/reset", EnvClient.json("suite", "miniwob", "task", "click-button",
                "seed", "zero"));
        assertEquals(400, seed.status());
        assertTrue(seed.body().get("error").asText().contains("'seed'"), seed.toString());
        assertEquals(400, client.post("/step", "{\"session\": 12}").status());
        assertEquals(400, client.post("/close", "{").status());
    }

    @Test
    void everyRequestAndReplyMatchesTheProtocolFile() throws Exception {
        ProtocolSchema schema = ProtocolSchema.load("env-protocol.json");
        assertEquals(List.of(), schema.check("SuitesReply", client.get("/suites").body()));
        assertEquals(List.of(), schema.check("TasksReply", client.get("/suites/miniwob/tasks").body()));
        String resetRequest = EnvClient.json("suite", "miniwob", "task", "enter-text", "seed", 2, "screenshots", true,
                "grammar", "browsergym", "protocol_version", 1);
        assertEquals(List.of(), schema.check("ResetRequest", EnvClient.JSON.readTree(resetRequest)));
        EnvClient.Reply reset = client.post("/reset", resetRequest);
        assertEquals(List.of(), schema.check("ResetReply", reset.body()));
        String session = reset.body().get("session").asText();
        EnvClient.Reply step = null;
        for (String action : List.of("click('99999')", "send_msg_to_user('done')")) {
            String stepRequest = EnvClient.json("session", session, "action", action);
            assertEquals(List.of(), schema.check("StepRequest", EnvClient.JSON.readTree(stepRequest)));
            step = client.post("/step", stepRequest);
            assertEquals(List.of(), schema.check("StepReply", step.body()), step.toString());
        }
        assertTrue(step.body().at("/info/verdict").isObject(), "the last step carries the verdict");
        assertEquals("answer", step.body().at("/info/stop_reason").asText());
        assertEquals(List.of(), schema.check("CloseReply",
                client.post("/close", EnvClient.json("session", session)).body()));
        assertEquals(List.of(), schema.check("Error", client.post("/close", "{").body()));
        assertFalse(schema.check("StepReply", reset.body()).isEmpty(), "the checker can fail");
    }

    @Test
    void aSessionIdlePastTheLimitIsClosed() throws Exception {
        try (EnvServer idle = EnvServer.start(Config.of(Map.of("gauntlet.serve.port", "0",
                "gauntlet.serve.idleSeconds", "1")))) {
            EnvClient c = new EnvClient(idle.url(), null);
            String session = c.post("/reset", EnvClient.json("suite", "miniwob", "task", "click-button"))
                    .body().get("session").asText();
            assertEquals(1, idle.openSessions());
            for (int i = 0; i < 100 && idle.openSessions() > 0; i++) {
                Thread.sleep(100);
            }
            EnvClient.Reply r = c.post("/step", EnvClient.json("session", session, "action", "noop()"));
            assertEquals(404, r.status(), r.toString());
            assertTrue(r.body().get("error").asText().contains("idle past 1 s"), r.toString());
        }
    }

    @Test
    void bindingBeyondLoopbackNeedsAToken() {
        ConfigException e = assertThrows(ConfigException.class, () -> EnvServer.start(Config.of(Map.of(
                "gauntlet.serve.host", "0.0.0.0", "gauntlet.serve.port", "0",
                "gauntlet.serve.tokenEnv", "GAUNTLET_TEST_NO_SUCH_VARIABLE_16"))));
        assertTrue(e.getMessage().contains("GAUNTLET_TEST_NO_SUCH_VARIABLE_16"), e.getMessage());
    }

    @Test
    void aConfiguredTokenIsRequired() throws Exception {
        // a JVM cannot set its own environment: name a variable every test process has as the token's
        String variable = System.getenv("PATH") != null ? "PATH" : "HOME";
        try (EnvServer guarded = EnvServer.start(Config.of(Map.of("gauntlet.serve.port", "0",
                "gauntlet.serve.tokenEnv", variable)))) {
            assertEquals(401, new EnvClient(guarded.url(), null).get("/suites").status());
            assertEquals(401, new EnvClient(guarded.url(), "guess").get("/suites").status());
            assertEquals(200, new EnvClient(guarded.url(), System.getenv(variable).strip()).get("/suites").status());
        }
    }
}
