package dev.gauntlet.agents.llm;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.ActionGrammar;
import dev.gauntlet.api.Agent;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.ConfigException;
import dev.gauntlet.api.EnvironmentUnavailableException;
import dev.gauntlet.api.EpisodeStart;
import dev.gauntlet.api.Observation;
import dev.gauntlet.api.ServiceUnavailableException;
import dev.gauntlet.api.Step;
import dev.gauntlet.api.Usage;
import dev.gauntlet.llm.ChatClient;
import dev.gauntlet.llm.ChatMessage;
import dev.gauntlet.llm.ChatRequest;
import dev.gauntlet.llm.ChatResponse;
import dev.gauntlet.llm.LlmException;
import dev.gauntlet.llm.LlmSettings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An LLM/VLM agent over an OpenAI-compatible server: {@code -Dagent=llm} or
 * {@code -Dagent=llm:model=...,base_url=...,screenshot=true}.
 *
 * <p>Arguments: the model settings of {@link LlmSettings#KEYS} (overriding {@code llm.*}); {@code obs=axtree|html}
 * (default axtree); {@code screenshot=true|false} (default false; true adds a set-of-marks screenshot);
 * {@code history=N} recent actions in the prompt (default 5); {@code grammar=browsergym|webarena|webshop} or a
 * registered one (see {@link ActionGrammar#named}; default browsergym); {@code retries=N} (default 2): when a reply
 * cannot be parsed, the agent shows the model its reply and the parse error and asks again, up to N times in the same
 * step; if every attempt fails, the step records an {@link Action.Invalid} with the last reason;
 * {@code page_chars=N} (default 12000) cuts long pages; {@code viewport_width=N} (default 1280) scales set-of-marks
 * boxes. With {@code grammar=mind2web-choice} the agent speaks MindAct's multiple-choice protocol instead, asking
 * about a Mind2Web step's candidates in rounds of five ({@link ChoiceRounds}).
 */
public final class LlmAgent implements Agent {

    private static final Set<String> OWN = Set.of("obs", "screenshot", "history", "grammar", "retries", "page_chars",
            "viewport_width");

    private final Map<String, String> modelArgs = new HashMap<>();
    private boolean html;
    private boolean screenshot;
    private int history = 5;
    private int retries = 2;
    private int pageChars = 12_000;
    private double viewportWidth = 1280;
    private ActionGrammar grammar = ActionGrammar.browserGym();
    private PromptBuilder prompt;
    private ChatClient client;
    private Usage usage = Usage.NONE;
    private String reasoning = "";
    private final List<String> invalidReplies = new ArrayList<>();

    @Override
    public String name() {
        return "llm";
    }

    @Override
    public void configure(Map<String, String> args) {
        Set<String> unknown = new HashSet<>(args.keySet());
        unknown.removeAll(OWN);
        unknown.removeAll(LlmSettings.KEYS);
        if (!unknown.isEmpty()) {
            throw new ConfigException("agent 'llm': unknown argument(s) " + unknown + "; known: " + OWN + " and "
                    + LlmSettings.KEYS);
        }
        args.forEach((k, v) -> {
            if (LlmSettings.KEYS.contains(k)) {
                modelArgs.put(k, v);
            }
        });
        String obs = args.getOrDefault("obs", "axtree");
        if (!obs.equals("axtree") && !obs.equals("html")) {
            throw new ConfigException("agent 'llm': obs must be axtree or html, got '" + obs + "'");
        }
        html = obs.equals("html");
        screenshot = bool(args.getOrDefault("screenshot", "false"));
        history = number(args, "history", 5);
        retries = number(args, "retries", 2);
        pageChars = number(args, "page_chars", 12_000);
        viewportWidth = number(args, "viewport_width", 1280);
        try {
            grammar = ActionGrammar.named(args.getOrDefault("grammar", ActionGrammar.browserGym().name()));
        } catch (ConfigException e) {
            throw new ConfigException("agent 'llm': " + e.getMessage());
        }
    }

    @Override
    public void begin(EpisodeStart start) throws EnvironmentUnavailableException {
        // Agents are not handed the run's Config; system properties and GAUNTLET_* variables carry llm.* to here.
        ChatClient.Options options = LlmSettings.options(start.config() == null ? Config.from(key -> Optional.empty()) : start.config(), modelArgs);
        String missing = LlmSettings.missing(options);
        if (missing != null) {
            throw new EnvironmentUnavailableException("agent 'llm': " + missing + " (or llm:base_url=...,model=...)");
        }
        client = ChatClient.shared(options);
        if (start.config() != null) {
            grammar = ActionGrammar.named(grammar.name(), start.config()); // webarena.grammar=lenient
        }
        prompt = new PromptBuilder(start.task().suite(), grammar, html, history, pageChars);
    }

    /** Uses this client instead of one built from the configuration (tests, embedding). */
    void useClient(ChatClient chatClient, String suite) {
        client = chatClient;
        prompt = new PromptBuilder(suite, grammar, html, history, pageChars);
    }

    @Override
    public Action act(Observation observation, List<Step> steps) throws Exception {
        if (grammar.name().equals(ChoiceRounds.GRAMMAR)) {
            ChoiceRounds.Outcome o = new ChoiceRounds(grammar, pageChars).decide(observation, messages -> {
                ChatResponse r = client.chat(ChatRequest.of(messages));
                usage = usage.plus(r.usage());
                return r.text();
            });
            reasoning = o.transcript();
            return o.action();
        }
        byte[] png = null;
        if (screenshot && observation.screenshot().get() != null) {
            png = SetOfMarks.draw(observation.screenshot().get(), observation.elements(), viewportWidth);
        }
        List<ChatMessage> messages = new ArrayList<>(prompt.messages(observation, steps, png));
        Action.Invalid last = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            ChatResponse r;
            try {
                r = client.chat(ChatRequest.of(messages));
            } catch (LlmException e) {
                if (e.retryable() && !Thread.currentThread().isInterrupted()) {
                    // still down after the client's retries: an outage, the episode is broken and can be rerun
                    throw new ServiceUnavailableException("the model server stayed unreachable: " + e.getMessage(), e);
                }
                throw e;
            }
            usage = usage.plus(r.usage());
            Action action = parse(r.text());
            reasoning = PromptBuilder.reasoningText(r.text());
            if (!(action instanceof Action.Invalid)) {
                return action;
            }
            last = (Action.Invalid) action;
            invalidReplies.add(r.text());
            messages.add(ChatMessage.assistant(r.text()));
            messages.add(ChatMessage.user("That reply could not be used: " + last.reason()
                    + ". Answer again with one line of reasoning and then exactly one action on the last line."));
        }
        return new Action.Invalid(last.raw(), last.reason() + " (" + (retries + 1) + " attempts)");
    }

    private Action parse(String reply) {
        Action action = grammar.parse(PromptBuilder.actionText(reply));
        return action instanceof Action.Invalid ? grammar.parse(reply) : action;
    }

    /** Returns the replies that could not be parsed in this episode, oldest first. */
    public List<String> invalidReplies() {
        return List.copyOf(invalidReplies);
    }

    @Override
    public Usage usage() {
        return usage;
    }

    /** The model's last reply without its action line. */
    @Override
    public String reasoning() {
        return reasoning;
    }

    private static boolean bool(String v) {
        if (v.equals("true") || v.equals("false")) {
            return v.equals("true");
        }
        throw new ConfigException("agent 'llm': screenshot must be true or false, got '" + v + "'");
    }

    private static int number(Map<String, String> args, String key, int def) {
        String v = args.get(key);
        try {
            return v == null ? def : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ConfigException("agent 'llm': " + key + " must be a whole number, got '" + v + "'");
        }
    }
}
