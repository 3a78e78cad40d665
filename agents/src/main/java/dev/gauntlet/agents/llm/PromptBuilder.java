package dev.gauntlet.agents.llm;

import dev.gauntlet.api.ActionGrammar;
import dev.gauntlet.api.Observation;
import dev.gauntlet.api.Step;
import dev.gauntlet.llm.ChatMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@code llm} agent's prompt: a system message (the suite's framing, the grammar, the reply format) and a
 * user message (goal, URL and tabs, the page as accessibility text or pruned HTML, the last error, recent history,
 * and optionally a screenshot).
 */
final class PromptBuilder {

    /** How each suite frames the job; others get the default. */
    private static final Map<String, String> SUITES = Map.of(
            "miniwob", "You solve small web tasks in a synthetic page. The instruction is given below and also "
                    + "shown at the top of the page; the episode ends by itself when the task is done.",
            "webarena", "You operate real websites (shop, forum, GitLab, maps, admin panels) to complete a user's "
                    + "request. When the request asks for information, finish with the answer; when it cannot be "
                    + "done, report it as infeasible (answer N/A).",
            "webshop", "You shop on a web store for a product that matches the user's instruction: search, open "
                    + "products, choose the options the instruction asks for, then buy.",
            "webvoyager", "You browse real websites to answer a user's question or complete a request. Finish by "
                    + "sending the answer to the user.");
    private static final String DEFAULT = "You operate a web browser to complete a user's task.";

    private final String suite;
    private final ActionGrammar grammar;
    private final boolean html;
    private final int historySteps;
    private final int pageChars;

    PromptBuilder(String suite, ActionGrammar grammar, boolean html, int historySteps, int pageChars) {
        this.suite = suite;
        this.grammar = grammar;
        this.html = html;
        this.historySteps = historySteps;
        this.pageChars = pageChars;
    }

    String system(boolean withScreenshot) {
        return SUITES.getOrDefault(suite, DEFAULT) + "\n\n"
                + (withScreenshot ? "You also get a screenshot of the viewport; interactive elements carry their id "
                + "in a coloured tag.\n\n" : "")
                + grammar.instructions() + "\n\n"
                + "Reply with one short line of reasoning, then the action on the last line, like:\n"
                + "Thought: the Submit button is [12] and the form is filled.\n"
                + "Action: " + grammar.example() + "\n"
                + "Exactly one action per reply.";
    }

    /** Returns the messages of one step. */
    List<ChatMessage> messages(Observation obs, List<Step> history, byte[] screenshot) {
        StringBuilder sb = new StringBuilder();
        sb.append("Goal: ").append(obs.instruction().isBlank() ? "(see the page)" : obs.instruction()).append("\n\n");
        sb.append("URL: ").append(obs.url()).append('\n');
        if (obs.tabs().size() > 1) {
            sb.append("Tabs: ");
            for (int i = 0; i < obs.tabs().size(); i++) {
                sb.append(i == obs.activeTab() ? "*" : "").append(i).append(' ').append(obs.tabs().get(i)).append("  ");
            }
            sb.append('\n');
        }
        String page = html ? obs.html() : obs.axtree();
        sb.append('\n').append(html ? "Page HTML:\n" : "Page (accessibility tree):\n").append(cut(page)).append("\n\n");
        if (!obs.lastActionError().isEmpty()) {
            sb.append("The previous action failed: ").append(obs.lastActionError()).append("\n\n");
        }
        List<Step> recent = history.subList(Math.max(0, history.size() - historySteps), history.size());
        if (!recent.isEmpty()) {
            sb.append("Your previous actions, oldest first:\n");
            for (Step s : recent) {
                sb.append(s.index() + 1).append(". ").append(s.action());
                if (!s.error().isEmpty()) {
                    sb.append("  -> error: ").append(s.error());
                }
                sb.append('\n');
            }
            sb.append('\n');
        }
        sb.append("What is the next action?");
        List<ChatMessage> out = new ArrayList<>();
        out.add(ChatMessage.system(system(screenshot != null)));
        out.add(screenshot == null ? ChatMessage.user(sb.toString()) : ChatMessage.user(sb.toString(), screenshot));
        return out;
    }

    /** Returns the action part of a reply: what follows the last {@code Action:}, else the whole reply. */
    static String actionText(String reply) {
        int at = actionAt(reply);
        return at < 0 ? reply : reply.substring(at + "action:".length()).strip();
    }

    /** The reply's text before its {@code Action:} line (the whole reply when it has none), stripped. */
    static String reasoningText(String reply) {
        int at = actionAt(reply);
        return (at < 0 ? reply : reply.substring(0, at)).strip();
    }

    private static int actionAt(String reply) {
        return reply.toLowerCase(java.util.Locale.ROOT).lastIndexOf("action:");
    }

    private String cut(String page) {
        return page.length() <= pageChars ? page : page.substring(0, pageChars) + "\n[... page cut]";
    }
}
