package dev.gauntlet.agents.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.api.Action;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.ConfigException;
import dev.gauntlet.api.Element;
import dev.gauntlet.api.EpisodeResult;
import dev.gauntlet.api.EpisodeStart;
import dev.gauntlet.api.Lazy;
import dev.gauntlet.api.Observation;
import dev.gauntlet.api.ServiceUnavailableException;
import dev.gauntlet.api.Step;
import dev.gauntlet.api.Task;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Usage;
import dev.gauntlet.api.Verdict;
import dev.gauntlet.wire.ProtocolSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code remote} agent against a real HTTP server on loopback: the protocol, its errors, and its schema file. */
class RemoteAgentTests {

    private final AgentStub stub = newStub();
    private final List<Step> history = new ArrayList<>();

    private static AgentStub newStub() {
        try {
            return new AgentStub();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private static final Task TASK = new Task("miniwob", "click-button", "", List.of(), Set.of("category:click"),
            null, Set.of(), 0, Map.of());

    private RemoteAgent agent(String... args) throws Exception {
        Map<String, String> map = new java.util.HashMap<>(Map.of("url", stub.url(), "timeout_s", "2",
                "retries", "0"));
        for (int i = 0; i < args.length; i += 2) {
            map.put(args[i], args[i + 1]);
        }
        RemoteAgent a = new RemoteAgent();
        a.configure(map);
        a.begin(new EpisodeStart(TASK, 3, 10, List::of, Config.of(Map.of("llm.api_key_env", "SECRET_KEY"))));
        return a;
    }

    private static Observation obs(Lazy<byte[]> screenshot) {
        Element button = new Element("12", "button", "Submit", "button", "", true, false, Map.of("type", "submit"),
                new Element.Box(10, 20, 30, 40));
        return new Observation("http://127.0.0.1/x.html", "Task", List.of("http://127.0.0.1/x.html"), 0,
                "Click on the \"Submit\" button.", "<button bid=\"12\">Submit</button>", "[12] button \"Submit\"",
                List.of(button), "", Map.of("text", "Submit"), screenshot);
    }

    private Action act(RemoteAgent a) throws Exception {
        Action action = a.act(obs(null), List.copyOf(history));
        history.add(new Step(history.size(), "", "", "", action, "", "", 0, 0, 0, ""));
        return action;
    }

    @Test
    void theActionTextIsParsedInBrowserGymsGrammarWithReasoningAndUsage() throws Exception {
        stub.on("step", m -> AgentStub.Answer.ok("{\"action\": \"click('12')\", \"reasoning\": \"it says Submit\","
                + " \"usage\": {\"tokens_in\": 100, \"tokens_out\": 7, \"cost_usd\": 0.5}}"));
        RemoteAgent a = agent();
        assertEquals(new Action.Click("12"), act(a));
        assertEquals("it says Submit", a.reasoning());
        act(a);
        assertEquals(new Usage(200, 14, 1.0), a.usage(), "per-step usage is summed");
        JsonNode step = stub.last("step");
        assertEquals(1, step.get("step").asInt());
        assertEquals("click('12')", step.at("/obs/last_action").asText(), "BrowserGym's last_action");
        assertEquals("Click on the \"Submit\" button.", step.at("/obs/goal").asText());
        assertEquals("12", step.at("/obs/elements/0/bid").asText());
        assertEquals(30.0, step.at("/obs/elements/0/bbox/2").asDouble());
        assertTrue(step.at("/obs/episode_id").isMissingNode());
        assertEquals(stub.last("start").get("episode_id"), step.get("episode_id"));
    }

    @Test
    void theStartReplyChoosesTheGrammar() throws Exception {
        stub.on("start", m -> AgentStub.Answer.ok("{\"protocol_version\": 1, \"grammar\": \"webarena\"}"));
        // WebArena's grammar reads the first fenced block, as upstream's harness does (webarena.grammar=strict)
        stub.on("step", m -> AgentStub.Answer.ok("{\"action\": \"```type [12] [hello] [0]```\"}"));
        assertEquals(new Action.TypeAtCaret("12", "hello", false), act(agent()));
    }

    @Test
    void theScreenshotIsTakenAndSentOnlyWhenTheAgentAskedAtStart() throws Exception {
        stub.on("step", m -> AgentStub.Answer.ok("{\"action\": \"noop()\"}"));
        AtomicInteger taken = new AtomicInteger();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        agent().act(obs(Lazy.of(() -> { taken.incrementAndGet(); return png; })), history);
        assertTrue(stub.last("step").at("/obs/screenshot").isMissingNode());
        assertEquals(0, taken.get(), "no screenshot is taken for an agent that did not ask");

        stub.on("start", m -> AgentStub.Answer.ok("{\"screenshots\": true}"));
        agent().act(obs(Lazy.of(() -> { taken.incrementAndGet(); return png; })), history);
        assertEquals(1, taken.get());
        assertEquals(Base64.getEncoder().encodeToString(png), stub.last("step").at("/obs/screenshot").asText());
    }

    @Test
    void aServerThatHangsMakesAStepErrorNamingTheTimeout() throws Exception {
        stub.on("step", m -> AgentStub.Answer.hang());
        Action action = agent("timeout_s", "0.3").act(obs(null), history);
        Action.Invalid invalid = assertInstanceOf(Action.Invalid.class, action);
        assertTrue(invalid.reason().contains("did not answer within 300 ms"), invalid.reason());
    }

    @Test
    void a500IsRetriedThenBecomesAStepErrorWithTheServersMessage() throws Exception {
        stub.on("step", m -> new AgentStub.Answer(500, "Traceback: KeyError 'goal'"));
        Action action = agent("retries", "2").act(obs(null), history);
        Action.Invalid invalid = assertInstanceOf(Action.Invalid.class, action);
        assertTrue(invalid.reason().contains("HTTP 500: Traceback: KeyError 'goal'"), invalid.reason());
        assertTrue(invalid.reason().contains("gave up after 3 attempts"), invalid.reason());
        assertEquals(3, stub.count("step"));
    }

    @Test
    void aPassing500IsRetriedAway() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        stub.on("step", m -> calls.getAndIncrement() == 0 ? new AgentStub.Answer(503, "busy")
                : AgentStub.Answer.ok("{\"action\": \"click('12')\"}"));
        assertEquals(new Action.Click("12"), agent("retries", "1").act(obs(null), history));
    }

    @Test
    void malformedJsonIsAStepErrorAndIsNotRetried() throws Exception {
        stub.on("step", m -> AgentStub.Answer.ok("{\"action\": click('12')"));
        Action.Invalid invalid = assertInstanceOf(Action.Invalid.class,
                agent("retries", "3").act(obs(null), history));
        assertTrue(invalid.reason().contains("malformed JSON"), invalid.reason());
        assertEquals(1, stub.count("step"));
    }

    @Test
    void aReplyWithoutAnActionOrWithAnUnknownOneIsAStepError() throws Exception {
        stub.on("step", m -> AgentStub.Answer.ok("{\"reasoning\": \"hmm\"}"));
        Action.Invalid missing = assertInstanceOf(Action.Invalid.class, agent().act(obs(null), history));
        assertTrue(missing.reason().contains("no \"action\" string"), missing.reason());
        stub.on("step", m -> AgentStub.Answer.ok("{\"action\": \"teleport('12')\"}"));
        assertInstanceOf(Action.Invalid.class, agent().act(obs(null), history));
    }

    @Test
    void anotherProtocolVersionIsRefused() throws Exception {
        stub.on("start", m -> AgentStub.Answer.ok("{\"protocol_version\": 2}"));
        Action.Invalid invalid = assertInstanceOf(Action.Invalid.class, agent().act(obs(null), history));
        assertTrue(invalid.reason().contains("did not start the episode")
                && invalid.reason().contains("protocol_version 2"), invalid.reason());
        assertEquals(0, stub.count("step"));
    }

    @Test
    void anUnreachableServerIsAnOutageThatBreaksTheEpisodeNotAnAgentFailure() throws Exception {
        // issue #15: a service that stays down after its retries makes the episode broken, so a resumed run replays it
        RemoteAgent a = new RemoteAgent();
        a.configure(Map.of("url", "http://127.0.0.1:9", "timeout_s", "1", "retries", "1"));
        ServiceUnavailableException e = assertThrows(ServiceUnavailableException.class,
                () -> a.begin(new EpisodeStart(TASK, 0, 10, List::of, Config.of(Map.of()))));
        assertTrue(e.getMessage().startsWith("the agent server stayed unreachable: agent server at http://127.0.0.1:9/start"
                + " unreachable"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(gave up after 2 attempts)"), e.getMessage());
    }

    @Test
    void aServerThatGoesDownMidEpisodeBreaksItAtThatStep() throws Exception {
        stub.on("step", m -> AgentStub.Answer.ok("{\"action\": \"click('12')\"}"));
        RemoteAgent a = agent();
        assertEquals(new Action.Click("12"), act(a));
        stub.close();
        ServiceUnavailableException e = assertThrows(ServiceUnavailableException.class, () -> act(a));
        assertTrue(e.getMessage().contains("/step unreachable"), e.getMessage());
    }

    @Test
    void theEndMessageCarriesTheVerdict() throws Exception {
        stub.on("step", m -> AgentStub.Answer.ok("{\"action\": \"click('12')\"}"));
        RemoteAgent a = agent();
        act(a);
        a.end(result(EpisodeResult.Status.PASSED, 1.0));
        JsonNode end = stub.last("end");
        assertEquals("passed", end.get("status").asText());
        assertTrue(end.get("success").asBoolean());
        assertEquals(0.75, end.get("reward").asDouble());
        assertEquals(1, end.get("steps").asInt());
    }

    @Test
    void everyMessageSentMatchesTheProtocolFile() throws Exception {
        stub.on("step", m -> AgentStub.Answer.ok("{\"action\": \"click('12')\"}"));
        stub.on("start", m -> AgentStub.Answer.ok("{\"screenshots\": true}"));
        RemoteAgent a = agent();
        a.act(obs(Lazy.value(new byte[] {1, 2})), history);
        a.end(result(EpisodeResult.Status.FAILED, 0.0));
        a.end(new EpisodeResult(TASK, 3, "remote", EpisodeResult.Status.BROKEN, Optional.empty(), Map.of(), null,
                "harness or site error", null, 5, Usage.NONE));
        ProtocolSchema schema = ProtocolSchema.load("agent-protocol.json");
        Map<String, String> definitions = Map.of("start", "StartRequest", "step", "StepRequest", "end", "EndRequest");
        for (Map.Entry<String, JsonNode> sent : stub.received) {
            assertEquals(List.of(), schema.check(definitions.get(sent.getKey()), sent.getValue()), sent.toString());
        }
        assertEquals(4, stub.received.size());
        assertFalse(stub.last("step").at("/obs/screenshot").isMissingNode());
        assertFalse(stub.received.toString().contains("SECRET_KEY"), "the run's configuration is never sent");
        // the replies the protocol file shows are the ones the agent reads
        assertEquals(List.of(), schema.check("StepReply", new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "{\"action\": \"click('12')\", \"reasoning\": \"r\", \"usage\": {\"tokens_in\": 1, \"tokens_out\": 2,"
                        + " \"cost_usd\": 0.1}}")));
        assertFalse(schema.check("StepReply", new com.fasterxml.jackson.databind.ObjectMapper().readTree("{}"))
                .isEmpty(), "the checker can fail");
    }

    @Test
    void argumentsAreCheckedUpFront() {
        RemoteAgent a = new RemoteAgent();
        assertTrue(assertThrows(ConfigException.class, () -> a.configure(Map.of())).getMessage().contains("set url"));
        assertThrows(ConfigException.class, () -> a.configure(Map.of("url", "ftp://x")));
        assertThrows(ConfigException.class, () -> a.configure(Map.of("url", "http://x:1", "timeout_s", "soon")));
        assertThrows(ConfigException.class, () -> a.configure(Map.of("url", "http://x:1", "retries", "-1")));
        assertThrows(ConfigException.class, () -> a.configure(Map.of("url", "http://x:1", "grammar", "klingon")));
        assertThrows(ConfigException.class, () -> a.configure(Map.of("url", "http://x:1", "model", "gpt")));
    }

    private static EpisodeResult result(EpisodeResult.Status status, double score) {
        Verdict v = Verdict.success("miniwob", score, "reward 1", Map.of()).withReward(0.75);
        Trajectory t = new Trajectory(TASK, 3, "remote", List.of(new Step(0, "", "", "", new Action.Click("12"), "", "",
                0, 0, 0, "")), "", "", "", "done", "");
        return new EpisodeResult(TASK, 3, "remote", status, Optional.of(v), Map.of(), t, "reward 1", null, 10,
                Usage.NONE);
    }
}
