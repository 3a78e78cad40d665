package dev.gauntlet.llm;

import dev.gauntlet.api.Config;
import dev.gauntlet.api.Usage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChatClientTests {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

    @TempDir
    Path cache;
    StandInServer server;

    @BeforeEach
    void start() throws IOException {
        server = StandInServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ChatClient.Options options() {
        return new ChatClient.Options().setBaseUrl(server.baseUrl()).setModel("stand-in").setApiKeyEnv("TEST_KEY")
                .setKeyResolver(Map.of("TEST_KEY", "sk-secret-123")::get).setRetryBackoff(Duration.ofMillis(1))
                .setMaxRetries(3).setCacheDir(cache).setTemperature(0.0).setMaxTokens(64);
    }

    private static ChatRequest question() {
        return ChatRequest.of(ChatMessage.system("You judge."), ChatMessage.user("Did it work?", PNG));
    }

    @Test
    void sendsImagesAsDataUrlsSamplingSettingsAndTheKeyFromTheNamedVariable() {
        server.script(StandInServer.Reply.text("SUCCESS"));
        ChatResponse r = ChatClient.create(options().setSeed(7L)).chat(question().withLogprobs(5));

        assertEquals("SUCCESS", r.text());
        assertEquals(new Usage(100, 5, 0), r.usage());
        assertFalse(r.cached());
        StandInServer.Received got = server.received().get(0);
        assertEquals("Bearer sk-secret-123", got.authorization());
        assertEquals(1, got.imageUrls().size());
        assertTrue(got.imageUrls().get(0).startsWith("data:image/png;base64,iVBORw"), got.imageUrls().get(0));
        assertEquals("stand-in", got.body().path("model").asText());
        assertEquals(0.0, got.body().path("temperature").asDouble(-1));
        assertEquals(7, got.body().path("seed").asLong());
        assertEquals(64, got.body().path("max_tokens").asInt());
        assertTrue(got.body().path("logprobs").asBoolean());
        assertEquals(5, got.body().path("top_logprobs").asInt());
        assertEquals("You judge.", got.body().path("messages").path(0).path("content").asText());
    }

    @Test
    void sendsNoAuthorizationWhenTheVariableIsUnset() {
        ChatClient.create(options().setKeyResolver(name -> null)).chat(question());
        assertNull(server.received().get(0).authorization());
    }

    @Test
    void retriesRateLimitsAndServerErrors() {
        server.script(StandInServer.Reply.status(429), StandInServer.Reply.status(503), StandInServer.Reply.text("ok"));
        ChatResponse r = ChatClient.create(options()).chat(question());
        assertEquals("ok", r.text());
        assertEquals(3, server.requests());
    }

    @Test
    void givesUpAfterTheRetriesAndCachesNothing() {
        for (int i = 0; i < 3; i++) {
            server.script(StandInServer.Reply.status(500));
        }
        ChatClient client = ChatClient.create(options().setMaxRetries(2));
        LlmException e = assertThrows(LlmException.class, () -> client.chat(question()));
        assertEquals(500, e.status());
        assertEquals(3, server.requests());

        assertEquals("SUCCESS", client.chat(question()).text());
        assertEquals(4, server.requests(), "the failed call left nothing in the cache");
    }

    @Test
    void doesNotRetryUnauthorizedAndNeverShowsTheKey() {
        server.script(StandInServer.Reply.status(401));
        LlmException e = assertThrows(LlmException.class, () -> ChatClient.create(options()).chat(question()));
        assertEquals(401, e.status());
        assertEquals(1, server.requests());
        assertFalse(e.getMessage().contains("sk-secret-123"));
        assertFalse(options().describe().contains("sk-secret-123"));
    }

    @Test
    void answersARepeatedRequestFromTheCacheForFree() {
        ChatClient.create(options()).chat(question());
        ChatClient second = ChatClient.create(options());
        ChatResponse again = second.chat(question());

        assertEquals(1, server.requests());
        assertTrue(again.cached());
        assertEquals("SUCCESS", again.text());
        assertEquals(Usage.NONE, again.usage());
        assertEquals(Usage.NONE, second.usage());
        assertEquals(1, second.cacheHits());

        second.chat(question().withTemperature(0.7));
        assertEquals(2, server.requests(), "other sampling settings are another request");
    }

    @Test
    void rejectsMalformedJsonWithoutRetryingOrCaching() {
        server.script(StandInServer.Reply.raw("this is not { json"));
        ChatClient client = ChatClient.create(options());
        LlmException e = assertThrows(LlmException.class, () -> client.chat(question()));
        assertEquals(0, e.status());
        assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());
        assertEquals(1, server.requests());

        server.script(StandInServer.Reply.raw("{\"choices\": []}"));
        assertThrows(LlmException.class, () -> client.chat(question()));
        assertEquals(2, server.requests());
    }

    @Test
    void timesOutAndRetriesAsForAServerError() {
        server.script(new StandInServer.Reply(200, StandInServer.completion("late", Map.of()), 3000));
        server.script(new StandInServer.Reply(200, StandInServer.completion("late", Map.of()), 3000));
        ChatClient client = ChatClient.create(options().setTimeout(Duration.ofMillis(300)).setMaxRetries(1));
        LlmException e = assertThrows(LlmException.class, () -> client.chat(question()));
        assertEquals(-1, e.status());
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        assertEquals(2, server.requests());
    }

    @Test
    void reportsAnUnreachableServer() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ChatClient client = ChatClient.create(options().setBaseUrl("http://127.0.0.1:" + port + "/v1").setMaxRetries(1));
        LlmException e = assertThrows(LlmException.class, () -> client.chat(question()));
        assertEquals(-1, e.status());
        assertTrue(e.getMessage().contains("unreachable"), e.getMessage());
    }

    @Test
    void readsTokenProbabilitiesFromTopLogprobs() {
        server.script(StandInServer.Reply.withLogprobs("YES", Map.of("YES", Math.log(0.8), "NO", Math.log(0.15),
                " yes", Math.log(0.05))));
        ChatResponse r = ChatClient.create(options()).chat(question().withLogprobs(5));
        assertEquals(0.85, r.probabilityOf("yes").orElseThrow(), 1e-9);
        assertEquals(0.15, r.probabilityOf("NO").orElseThrow(), 1e-9);
        assertTrue(r.probabilityOf("MAYBE").isEmpty());

        ChatResponse cached = ChatClient.create(options()).chat(question().withLogprobs(5));
        assertEquals(0.85, cached.probabilityOf("YES").orElseThrow(), 1e-9, "logprobs survive the cache");
    }

    @Test
    void takesSettingsFromTheRunConfigurationWithPerUseOverrides() {
        Config config = Config.of(Map.of("llm.base_url", "http://a/v1", "llm.model", "m1", "llm.seed", "3"));
        ChatClient.Options o = LlmSettings.options(config, Map.of("model", "m2", "cache_dir", "off"));
        assertTrue(o.describe().contains("model=m2"), o.describe());
        assertTrue(o.describe().contains("seed=3"), o.describe());
        assertNull(o.cacheDir);
        assertEquals(Path.of(config.get("gauntlet.runsDir", "runs"), ".llm-cache"), LlmSettings.cacheDir(config));
        assertNull(LlmSettings.missing(o));
        assertTrue(LlmSettings.missing(new ChatClient.Options()).contains("llm.base_url"));
        assertTrue(LlmSettings.missing(new ChatClient.Options().setBaseUrl("http://a/v1")).contains("llm.model"));
    }

    @Test
    void pricesTheTokensItSpendsAndCacheHitsCostNothing() {
        ChatClient client = ChatClient.create(options().setPrices(3.0, 15.0));
        ChatResponse first = client.chat(question());
        long in = first.usage().tokensIn();
        long out = first.usage().tokensOut();
        assertTrue(in > 0 && out > 0, first.usage().toString());
        double price = (in * 3.0 + out * 15.0) / 1_000_000.0;
        assertEquals(price, first.usage().costUsd(), 1e-15);
        ChatResponse again = client.chat(question());
        assertEquals(0.0, again.usage().costUsd(), "served from the cache");
        assertEquals(new Usage(in, out, price).costUsd(), client.usage().costUsd(), 1e-15);
        assertEquals(1, server.requests());
        assertThrows(IllegalArgumentException.class, () -> options().setPrices(-1, 0));
    }

    @Test
    void pricesComeFromTheRunsConfigurationAndJudgesMayHaveTheirOwn() {
        Config config = Config.of(Map.of("llm.base_url", server.baseUrl(), "llm.model", "agent-model",
                "llm.price_in", "2.5", "llm.price_out", "10", "judge.model", "judge-model", "judge.price_in", "0.5"));
        assertTrue(LlmSettings.options(config, Map.of()).describe().contains("price_in=2.5, price_out=10.0"));
        String judge = LlmSettings.judgeOptions(config).describe();
        assertTrue(judge.contains("model=judge-model") && judge.contains("price_in=0.5, price_out=10.0"), judge);
        dev.gauntlet.api.ConfigException bad = assertThrows(dev.gauntlet.api.ConfigException.class,
                () -> LlmSettings.options(Config.of(Map.of("llm.price_out", "-3")), Map.of()));
        assertTrue(bad.getMessage().contains("llm.price_out"), bad.getMessage());
        assertThrows(dev.gauntlet.api.ConfigException.class,
                () -> LlmSettings.options(Config.of(Map.of("llm.price_in", "cheap")), Map.of()));
    }
}
