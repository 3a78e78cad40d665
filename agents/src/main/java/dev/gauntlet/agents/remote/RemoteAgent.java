package dev.gauntlet.agents.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.api.Action;
import dev.gauntlet.api.ActionGrammar;
import dev.gauntlet.api.Agent;
import dev.gauntlet.api.ConfigException;
import dev.gauntlet.api.EpisodeResult;
import dev.gauntlet.api.EpisodeStart;
import dev.gauntlet.api.Observation;
import dev.gauntlet.api.ServiceUnavailableException;
import dev.gauntlet.api.Step;
import dev.gauntlet.api.Usage;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An agent behind an HTTP server, in any language: {@code -Dagent=remote:url=http://127.0.0.1:8765}.
 *
 * <p>At the start of each episode it POSTs {@code start} (task, seed, step limit); the reply may ask for screenshots
 * and name the action grammar. Each step it POSTs {@code step} with the observation and reads back an action in that
 * grammar ({@link ActionGrammar#named}, default {@code browsergym}), with optional reasoning and token usage; after
 * scoring it POSTs {@code end} with the verdict. A server that hangs, answers 5xx or malformed JSON, or an action
 * that does not parse, makes that step an error naming the cause ({@link Action.Invalid}); the run goes on.
 *
 * <p>Arguments: {@code url} (required), {@code timeout_s} per call (default 30), {@code retries} after a 5xx, a
 * timeout or a dropped connection (default 2), {@code grammar} (default {@code browsergym}; the server's start reply
 * overrides it).
 */
public final class RemoteAgent implements Agent {

    private static final Set<String> KEYS = Set.of("url", "timeout_s", "retries", "grammar");

    private AgentServer server;
    private ActionGrammar grammar = ActionGrammar.browserGym();
    private String episodeId = "";
    private boolean screenshots;
    private String startError;
    private String reasoning = "";
    private String lastAction = "";
    private Usage usage = Usage.NONE;

    @Override
    public String name() {
        return "remote";
    }

    @Override
    public void configure(Map<String, String> args) {
        Set<String> unknown = new HashSet<>(args.keySet());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new ConfigException("agent 'remote': unknown argument(s) " + unknown + "; known: " + KEYS);
        }
        String url = args.get("url");
        if (url == null || url.isBlank()) {
            throw new ConfigException("agent 'remote': set url, e.g. -Dagent=remote:url=http://127.0.0.1:8765");
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("agent 'remote': url '" + url + "' is not a URL");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new ConfigException("agent 'remote': url '" + url + "' must be http://host:port or https://...");
        }
        double timeout = number(args, "timeout_s", 30);
        double retries = number(args, "retries", 2);
        if (timeout <= 0 || retries < 0 || retries != Math.rint(retries)) {
            throw new ConfigException("agent 'remote': timeout_s must be > 0 and retries a whole number >= 0, got "
                    + args.get("timeout_s") + " and " + args.get("retries"));
        }
        grammar = ActionGrammar.named(args.getOrDefault("grammar", "browsergym"));
        server = new AgentServer(url, Duration.ofMillis((long) (timeout * 1000)), (int) retries,
                Duration.ofMillis(200));
    }

    @Override
    public void begin(EpisodeStart start) {
        if (server == null) {
            configure(Map.of());
        }
        episodeId = start.task().qualifiedId() + "#" + start.seed() + "#" + UUID.randomUUID();
        try {
            JsonNode reply = server.post("start", AgentMessages.start(episodeId, start, grammar.name()));
            screenshots = reply.path("screenshots").asBoolean(false);
            JsonNode g = reply.get("grammar");
            if (g != null && !g.isNull()) {
                grammar = ActionGrammar.named(g.asText());
            }
        } catch (RemoteCallException e) {
            if (e.unreachable()) {
                throw down(e);
            }
            startError = "remote agent did not start the episode: " + e.getMessage();
        } catch (ConfigException e) {
            // every step then records why the episode could not start, as a step error, not a broken run
            startError = "remote agent did not start the episode: " + e.getMessage();
        }
    }

    @Override
    public Action act(Observation observation, List<Step> history) {
        reasoning = "";
        if (startError != null) {
            return new Action.Invalid("", startError);
        }
        JsonNode reply;
        try {
            reply = server.post("step", AgentMessages.step(episodeId, history.size(), observation, lastAction,
                    screenshots));
        } catch (RemoteCallException e) {
            if (e.unreachable()) {
                throw down(e);
            }
            lastAction = "";
            return new Action.Invalid("", "remote agent: " + e.getMessage());
        }
        JsonNode text = reply.get("action");
        reasoning = reply.path("reasoning").asText("");
        JsonNode u = reply.get("usage");
        if (u != null && u.isObject()) {
            usage = usage.plus(new Usage(u.path("tokens_in").asLong(0), u.path("tokens_out").asLong(0),
                    u.path("cost_usd").asDouble(0)));
        }
        if (text == null || !text.isTextual()) {
            lastAction = "";
            return new Action.Invalid(AgentServer.shorten(reply.toString()),
                    "remote agent: the step reply has no \"action\" string");
        }
        Action action = grammar.parse(text.asText());
        lastAction = action instanceof Action.Invalid ? text.asText() : action.toString();
        return action;
    }

    /**
     * A server that no connection reaches after its retries is down: an outage, so the episode ends broken and a
     * resumed run plays it again; a server that answers badly or slowly is the agent's failure (a step error).
     */
    private static ServiceUnavailableException down(RemoteCallException e) {
        return new ServiceUnavailableException("the agent server stayed unreachable: " + e.getMessage(), e);
    }

    @Override
    public void end(EpisodeResult result) {
        if (server != null && startError == null && !episodeId.isEmpty()) {
            try {
                server.post("end", AgentMessages.end(episodeId, result));
            } catch (RemoteCallException ignored) {
                // the verdict stands whether or not the agent heard it
            }
        }
    }

    @Override
    public String reasoning() {
        return reasoning;
    }

    @Override
    public Usage usage() {
        return usage;
    }

    private static double number(Map<String, String> args, String key, double fallback) {
        String v = args.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException("agent 'remote': " + key + " is '" + v + "' but must be a number");
        }
    }
}
