package dev.gauntlet.evaluators.judge;

import com.microsoft.playwright.Page;
import dev.gauntlet.api.EvaluationContext;
import dev.gauntlet.api.Observation;
import dev.gauntlet.api.Step;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.browser.PageObserver;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads what judges look at from a trajectory and the final page, and writes it down for prompts. */
final class JudgeInputs {

    /** Characters of page text (accessibility tree, HTML) a prompt may hold; the rest is cut with a marker. */
    static final int PAGE_CHARS = 16_000;

    private JudgeInputs() {}

    /** A screenshot file and its bytes. */
    record Shot(String name, byte[] png) {}

    /** Returns the last {@code k} distinct screenshots, the final one included, oldest first. */
    static List<Shot> lastScreenshots(Trajectory t, EvaluationContext c, int k) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (Step s : t.steps()) {
            if (!s.screenshot().isEmpty()) {
                names.add(s.screenshot());
            }
        }
        if (!t.finalScreenshot().isEmpty()) {
            names.add(t.finalScreenshot());
        }
        List<String> all = new ArrayList<>(names);
        List<Shot> out = new ArrayList<>();
        for (String name : all.subList(Math.max(0, all.size() - Math.max(0, k)), all.size())) {
            out.add(new Shot(name, c.readScreenshot(name)));
        }
        return out;
    }

    /** Returns a user message: {@code before}, the images, then {@code after} (omitted when empty). */
    static dev.gauntlet.llm.ChatMessage user(String before, List<byte[]> images, String after) {
        List<dev.gauntlet.llm.ChatMessage.Part> parts = new ArrayList<>();
        parts.add(new dev.gauntlet.llm.ChatMessage.Text(before));
        images.forEach(png -> parts.add(dev.gauntlet.llm.ChatMessage.Image.png(png)));
        if (!after.isEmpty()) {
            parts.add(new dev.gauntlet.llm.ChatMessage.Text(after));
        }
        return new dev.gauntlet.llm.ChatMessage("user", parts);
    }

    /** Returns every distinct screenshot of the episode, the final one included, oldest first. */
    static List<Shot> allScreenshots(Trajectory t, EvaluationContext c) throws IOException {
        return lastScreenshots(t, c, Integer.MAX_VALUE);
    }

    /** Returns the actions, one a line: {@code 1. click('12')  [error: ...]}. */
    static String actions(Trajectory t) {
        StringBuilder sb = new StringBuilder();
        for (Step s : t.steps()) {
            sb.append(s.index() + 1).append(". ").append(s.action());
            if (!s.error().isEmpty()) {
                sb.append("  [error: ").append(s.error()).append(']');
            }
            sb.append('\n');
        }
        return sb.length() == 0 ? "(no actions)\n" : sb.toString();
    }

    /** Returns the steps with URL, action and the agent's stated reasoning (AgentRewardBench's trajectory view). */
    static String stepsWithContext(Trajectory t) {
        StringBuilder sb = new StringBuilder();
        for (Step s : t.steps()) {
            sb.append("Step ").append(s.index() + 1).append("\n  URL: ").append(s.url()).append("\n  Action: ")
                    .append(s.action());
            if (!s.reasoning().isEmpty()) {
                sb.append("\n  Reasoning: ").append(s.reasoning());
            }
            if (!s.error().isEmpty()) {
                sb.append("\n  Error: ").append(s.error());
            }
            sb.append('\n');
        }
        return sb.length() == 0 ? "(no steps)\n" : sb.toString();
    }

    /** Returns the final page's accessibility text, else the last one the agent saw. */
    static String finalAxtree(Trajectory t, EvaluationContext c) {
        return cut(observe(c).map(Observation::axtree).orElseGet(() -> lastSeen(t)));
    }

    /** Returns the final page's pruned HTML, else the last accessibility text the agent saw. */
    static String finalHtml(Trajectory t, EvaluationContext c) {
        return cut(observe(c).map(Observation::html).orElseGet(() -> lastSeen(t)));
    }

    /** Returns the answer as prompts show it. */
    static String answer(Trajectory t) {
        return t.answer().isBlank() ? "(the agent gave no answer)" : t.answer();
    }

    /** Returns the task's instruction, else the one the page showed the agent. */
    static String task(Trajectory t) {
        if (!t.task().instruction().isBlank()) {
            return t.task().instruction();
        }
        return t.steps().isEmpty() ? t.task().id() : instructionOf(t.steps().get(0).observationText(), t);
    }

    // MiniWoB pages write the instruction per seed into the page itself, so the first page text carries it.
    private static String instructionOf(String observed, Trajectory t) {
        String head = observed.length() <= 1500 ? observed : observed.substring(0, 1500) + "\n[... cut]";
        return "task '" + t.task().id() + "'; its instruction is shown on the first page, which read:\n" + head;
    }

    private static Optional<Observation> observe(EvaluationContext c) {
        Optional<Page> page = c.page().flatMap(p -> p.unwrap(Page.class));
        if (page.isEmpty() || page.get().isClosed()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PageObserver.observe(page.get(), "", ""));
        } catch (RuntimeException e) {
            return Optional.empty(); // a page that cannot be read: judge on what the agent last saw
        }
    }

    private static String lastSeen(Trajectory t) {
        return t.steps().isEmpty() ? "" : t.steps().get(t.steps().size() - 1).observationText();
    }

    static String cut(String text) {
        return text.length() <= PAGE_CHARS ? text : text.substring(0, PAGE_CHARS) + "\n[... cut]";
    }
}
