package dev.gauntlet.llm;

import dev.gauntlet.api.Usage;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Talks to one OpenAI-compatible {@code /chat/completions} endpoint with one model.
 *
 * <p>Each call first looks in the response cache; on a miss it waits for a slot of the concurrency limit (shared by
 * every client of the same base URL in this JVM, so all workers together stay under it), sends the request, and
 * retries rate limits (429), server errors (5xx), timeouts and dropped connections with exponential backoff and
 * jitter, honouring {@code Retry-After}. Other failures (401, 400, a malformed answer) are not retried. Only
 * successful replies are cached. Thread-safe; one client may serve all workers.
 */
public final class ChatClient implements AutoCloseable {

    private static final Map<String, Semaphore> LIMITS = new ConcurrentHashMap<>();
    private static final Map<String, ChatClient> SHARED = new ConcurrentHashMap<>();
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    private final Options options;
    private final HttpClient http;
    private final Semaphore limit;
    private final ResponseCache cache;
    private final URI endpoint;
    private final AtomicLong tokensIn = new AtomicLong();
    private final AtomicLong tokensOut = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong cacheHits = new AtomicLong();
    private final ThreadLocal<String> retryAfter = new ThreadLocal<>();

    private ChatClient(Options options) {
        this.options = options.copy();
        if (options.baseUrl == null || options.baseUrl.isBlank()) {
            throw new IllegalArgumentException("no base URL: set llm.base_url (e.g. http://localhost:8000/v1)");
        }
        if (options.model == null || options.model.isBlank()) {
            throw new IllegalArgumentException("no model: set llm.model");
        }
        String base = options.baseUrl.endsWith("/") ? options.baseUrl.substring(0, options.baseUrl.length() - 1)
                : options.baseUrl;
        this.endpoint = URI.create(base + "/chat/completions");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(options.timeout)
                .build();
        this.limit = LIMITS.computeIfAbsent(base, k -> new Semaphore(Math.max(1, options.maxConcurrency), true));
        this.cache = new ResponseCache(options.cacheDir);
    }

    /** Returns a new client. */
    public static ChatClient create(Options options) {
        return new ChatClient(options);
    }

    /**
     * Returns the client of these options, created on first use and kept for the JVM's life, so agents made per
     * episode share one HTTP connection pool and token count.
     */
    public static ChatClient shared(Options options) {
        String id = options.describe() + "|" + System.identityHashCode(options.keyResolver);
        return SHARED.computeIfAbsent(id, k -> new ChatClient(options));
    }

    /** Returns the model this client asks. */
    public String model() {
        return options.model;
    }

    /** Returns the settings, without the key, for logs and evidence. */
    public String describe() {
        return options.describe();
    }

    /**
     * Sends {@code request} (or serves it from the cache) and returns the first choice.
     *
     * @throws LlmException when no usable answer came after the allowed retries; nothing is cached then
     */
    public ChatResponse chat(ChatRequest request) {
        String body = ChatWire.body(options.model, request, options.temperature, options.seed, options.maxTokens);
        String key = ResponseCache.key(body);
        Optional<ChatResponse> hit = cache.get(key);
        if (hit.isPresent()) {
            cacheHits.incrementAndGet();
            ChatResponse h = hit.get();
            return h.withUsage(new Usage(h.usage().tokensIn(), h.usage().tokensOut(), 0));
        }
        ChatResponse sent = sendWithRetries(body, key);
        ChatResponse response = sent.withUsage(priced(sent.usage().tokensIn(), sent.usage().tokensOut()));
        tokensIn.addAndGet(response.usage().tokensIn());
        tokensOut.addAndGet(response.usage().tokensOut());
        cache.put(response);
        return response;
    }

    /** Returns the tokens this client spent so far and their price (cache hits cost nothing). */
    public Usage usage() {
        return priced(tokensIn.get(), tokensOut.get());
    }

    private Usage priced(long in, long out) {
        return new Usage(in, out, (in * options.priceIn + out * options.priceOut) / 1_000_000.0);
    }

    /** Returns the HTTP requests sent so far, retries included. */
    public long requests() {
        return requests.get();
    }

    /** Returns the calls answered from the cache so far. */
    public long cacheHits() {
        return cacheHits.get();
    }

    private ChatResponse sendWithRetries(String body, String key) {
        LlmException last = null;
        for (int attempt = 0; attempt <= options.maxRetries; attempt++) {
            if (last != null) {
                sleep(backoff(attempt, last));
            }
            try {
                return sendOnce(body, key);
            } catch (LlmException e) {
                last = e;
                if (!e.retryable()) {
                    throw e;
                }
            }
        }
        throw new LlmException(last.getMessage() + " (gave up after " + (options.maxRetries + 1) + " attempts)",
                last.status(), last);
    }

    private ChatResponse sendOnce(String body, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(options.timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        String apiKey = options.apiKeyEnv == null || options.apiKeyEnv.isBlank() ? null
                : options.keyResolver.apply(options.apiKeyEnv);
        if (apiKey != null && !apiKey.isBlank()) {
            b.header("Authorization", "Bearer " + apiKey.strip());
        }
        HttpResponse<String> response;
        try {
            limit.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException("interrupted while waiting for a model slot", -1, e);
        }
        try {
            requests.incrementAndGet();
            response = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new LlmException("model server at " + endpoint + " timed out after " + options.timeout.toSeconds()
                    + " s", -1, e);
        } catch (IOException e) {
            throw new LlmException("model server at " + endpoint + " unreachable: " + e, -1, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException("interrupted while waiting for the model server", -1, e);
        } finally {
            limit.release();
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            LlmException e = new LlmException("model server at " + endpoint + " answered HTTP " + status + ": "
                    + ChatWire.shorten(response.body()), status);
            response.headers().firstValue("Retry-After").ifPresent(retryAfter::set);
            throw e;
        }
        return ChatWire.parse(response.body(), key);
    }

    private Duration backoff(int attempt, LlmException cause) {
        String header = retryAfter.get();
        retryAfter.remove();
        if (cause.status() == 429 && header != null && header.strip().matches("\\d+")) {
            return min(Duration.ofSeconds(Long.parseLong(header.strip())), MAX_BACKOFF);
        }
        long base = options.retryBackoff.toMillis() << Math.min(attempt - 1, 16);
        long jittered = (long) (base * (0.75 + ThreadLocalRandom.current().nextDouble() * 0.5));
        return min(Duration.ofMillis(jittered), MAX_BACKOFF);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException("interrupted during retry backoff", -1, e);
        }
    }

    /** Nothing to release: the JDK HTTP client of Java 17 frees its threads once unreachable. */
    @Override
    public void close() {}

    /** Settings of a client; required: base URL and model. Setters return this, Playwright-style. */
    public static final class Options {
        String baseUrl;
        String model;
        String apiKeyEnv;
        Function<String, String> keyResolver = System::getenv;
        Duration timeout = Duration.ofSeconds(120);
        int maxRetries = 4;
        Duration retryBackoff = Duration.ofSeconds(1);
        int maxConcurrency = 4;
        Path cacheDir;
        Double temperature;
        Long seed;
        Integer maxTokens;
        double priceIn;
        double priceOut;

        /** The server's OpenAI-compatible base URL, ending in {@code /v1} ({@code http://localhost:8000/v1}). */
        public Options setBaseUrl(String value) {
            baseUrl = value;
            return this;
        }

        public Options setModel(String value) {
            model = value;
            return this;
        }

        /** Names the environment variable holding the API key; the key itself is read per request, never stored. */
        public Options setApiKeyEnv(String value) {
            apiKeyEnv = value;
            return this;
        }

        /** Replaces how the variable named by {@link #setApiKeyEnv} is read ({@code System::getenv}); for tests. */
        public Options setKeyResolver(Function<String, String> value) {
            keyResolver = value;
            return this;
        }

        /** Limits connecting and each request's wait for its whole answer. */
        public Options setTimeout(Duration value) {
            timeout = value;
            return this;
        }

        /** Retries after the first attempt for 429, 5xx, timeouts and dropped connections. */
        public Options setMaxRetries(int value) {
            maxRetries = Math.max(0, value);
            return this;
        }

        /** The first retry's delay; each next one doubles, with ±25% jitter, capped at a minute. */
        public Options setRetryBackoff(Duration value) {
            retryBackoff = value;
            return this;
        }

        /** Requests in flight at once to this base URL across the JVM; the first client of a URL sets it. */
        public Options setMaxConcurrency(int value) {
            maxConcurrency = value;
            return this;
        }

        /** Folder of the response cache; null disables it. */
        public Options setCacheDir(Path value) {
            cacheDir = value;
            return this;
        }

        public Options setTemperature(Double value) {
            temperature = value;
            return this;
        }

        public Options setSeed(Long value) {
            seed = value;
            return this;
        }

        public Options setMaxTokens(Integer value) {
            maxTokens = value;
            return this;
        }

        /**
         * Prices the tokens: US dollars per million prompt tokens and per million completion tokens (0 and 0, the
         * default, for a self-hosted model). Replies served from the cache cost nothing.
         */
        public Options setPrices(double perMillionIn, double perMillionOut) {
            if (perMillionIn < 0 || perMillionOut < 0 || Double.isNaN(perMillionIn) || Double.isNaN(perMillionOut)) {
                throw new IllegalArgumentException("token prices must be 0 or more, got " + perMillionIn + " and "
                        + perMillionOut);
            }
            priceIn = perMillionIn;
            priceOut = perMillionOut;
            return this;
        }

        Options copy() {
            Options o = new Options();
            o.baseUrl = baseUrl;
            o.model = model;
            o.apiKeyEnv = apiKeyEnv;
            o.keyResolver = keyResolver;
            o.timeout = timeout;
            o.maxRetries = maxRetries;
            o.retryBackoff = retryBackoff;
            o.maxConcurrency = maxConcurrency;
            o.cacheDir = cacheDir;
            o.temperature = temperature;
            o.seed = seed;
            o.maxTokens = maxTokens;
            o.priceIn = priceIn;
            o.priceOut = priceOut;
            return o;
        }

        /** Returns the settings as one line; names the key's variable, never the key. */
        public String describe() {
            return "model=" + model + ", base_url=" + baseUrl + ", api_key_env=" + apiKeyEnv + ", temperature="
                    + temperature + ", seed=" + seed + ", max_tokens=" + maxTokens + ", timeout_s="
                    + timeout.toSeconds() + ", max_retries=" + maxRetries + ", cache=" + cacheDir
                    + (priceIn + priceOut == 0 ? "" : ", price_in=" + priceIn + ", price_out=" + priceOut);
        }
    }
}
