package dev.gauntlet.agents.llm;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.ActionGrammar;
import dev.gauntlet.api.Element;
import dev.gauntlet.api.Observation;
import dev.gauntlet.llm.ChatMessage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * MindAct's multiple-choice protocol, as its evaluation runs it: the step's candidates, in the order given, are asked
 * about five at a time with "None of the above" as option A; each group's chosen candidate goes to the back of the
 * queue, and questions go on while more than one candidate is left. The last chosen candidate, with the operation
 * chosen with it, is the answer. Quirks kept: a step with a single candidate asks nothing and answers nothing; a
 * letter past the group's options clears the answer so far; a queue emptied by "None of the above" answers nothing.
 *
 * <p>Used by the {@code llm} agent with {@code grammar=mind2web-choice}, whose replies parse to
 * {@code Native("mind2web-choice", "<letter> <OP value>")}; the answer is the same form with the candidate's id for
 * the letter (an empty text when nothing was chosen). Each question shows the group's own HTML (the observation's
 * {@code candidates[].html}), the task, the last five previous actions and the options in page order.
 */
final class ChoiceRounds {

    /** The grammar whose answers this protocol reads. */
    static final String GRAMMAR = "mind2web-choice";
    static final int GROUP = 5;
    private static final int PREVIOUS = 5;
    private static final int OPTION_WORDS = 10;

    /** One candidate as an option: its id, its option text, its own HTML and its place in the page. */
    record Option(String id, String label, String html, int position) {}

    /** Asks the model one question. */
    interface Asker {
        String ask(List<ChatMessage> messages) throws Exception;
    }

    /** The answer and, for the report, each question's options and reply. */
    record Outcome(Action action, String transcript) {}

    private final ActionGrammar grammar;
    private final int pageChars;

    ChoiceRounds(ActionGrammar grammar, int pageChars) {
        this.grammar = grammar;
        this.pageChars = pageChars;
    }

    Outcome decide(Observation obs, Asker asker) throws Exception {
        List<Option> queue = new ArrayList<>(options(obs));
        StringBuilder log = new StringBuilder();
        String chosen = null;
        int question = 0;
        while (queue.size() > 1) {
            List<Option> group = new ArrayList<>(queue.subList(0, Math.min(GROUP, queue.size())));
            queue.subList(0, group.size()).clear();
            group.sort(Comparator.comparingInt(o -> o.position() < 0 ? Integer.MAX_VALUE : o.position()));
            String reply = asker.ask(messages(obs, group));
            Action parsed = grammar.parse(reply);
            String text = parsed instanceof Action.Native n ? n.text().strip() : "";
            String letter = text.isEmpty() ? "A" : text.substring(0, 1);
            String operation = text.length() > 1 ? text.substring(1).strip() : "";
            question++;
            log.append("question ").append(question).append(": ");
            for (int i = 0; i < group.size(); i++) {
                log.append(i == 0 ? "" : ", ").append((char) ('B' + i)).append('=').append(group.get(i).id());
            }
            log.append(" -> ").append(reply.strip().replaceAll("\\s+", " ")).append('\n');
            if (letter.equals("A")) {
                continue;
            }
            int index = letter.charAt(0) - 'B';
            if (index >= 0 && index < group.size()) {
                queue.add(group.get(index));
                chosen = group.get(index).id() + (operation.isEmpty() ? "" : " " + operation);
            } else {
                chosen = null; // MindAct: an option past the list is an IndexError and clears the prediction
            }
        }
        if (queue.isEmpty() || chosen == null) {
            chosen = "";
        }
        log.append(chosen.isEmpty() ? "no candidate chosen" : "chosen: " + chosen);
        return new Outcome(new Action.Native(GRAMMAR, chosen), log.toString());
    }

    /** The step's candidates from the observation's {@code candidates} extra, else from its elements. */
    static List<Option> options(Observation obs) {
        List<Option> out = new ArrayList<>();
        if (obs.extras().get("candidates") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    String text = String.valueOf(m.get("tag") == null ? "" : m.get("tag")) + " "
                            + (m.get("text") == null ? "" : m.get("text"));
                    int position = m.get("position") instanceof Number n ? n.intValue() : -1;
                    out.add(new Option(String.valueOf(m.get("id")), words(text),
                            m.get("html") == null ? "" : String.valueOf(m.get("html")), position));
                }
            }
            return out;
        }
        for (Element e : obs.elements()) {
            out.add(new Option(e.id(), words(e.tag() + " " + e.name()), "", -1));
        }
        return out;
    }

    private List<ChatMessage> messages(Observation obs, List<Option> group) {
        StringBuilder page = new StringBuilder();
        for (Option o : group) {
            if (!o.html().isEmpty()) {
                page.append(o.html()).append('\n');
            }
        }
        String html = page.length() > pageChars ? page.substring(0, pageChars) + "\n[... cut]" : page.toString();
        StringBuilder q = new StringBuilder();
        q.append("Part of the page:\n").append(html.isEmpty() ? "(not given)\n" : html).append('\n');
        q.append("Task: ").append(extra(obs, "task", obs.instruction())).append('\n');
        q.append("Actions so far:\n");
        List<?> previous = obs.extras().get("previous_actions") instanceof List<?> l ? l : List.of();
        if (previous.isEmpty()) {
            q.append("None\n");
        }
        for (Object a : previous.subList(Math.max(0, previous.size() - PREVIOUS), previous.size())) {
            q.append(a).append('\n');
        }
        q.append("\nWhich element does the next action use, and what is the action? Options:\n");
        q.append("A. None of the above\n");
        for (int i = 0; i < group.size(); i++) {
            q.append((char) ('B' + i)).append(". ").append(group.get(i).label()).append('\n');
        }
        String system = "You complete a task on a website one action at a time. Each question shows some elements "
                + "of the current page as lettered options.\n\n" + grammar.instructions() + "\n\nExample reply:\n"
                + grammar.example();
        return List.of(ChatMessage.system(system), ChatMessage.user(q.toString().strip()));
    }

    private static String extra(Observation obs, String key, String fallback) {
        Object v = obs.extras().get(key);
        return v == null ? fallback : String.valueOf(v);
    }

    private static String words(String text) {
        String[] w = text.strip().split("\\s+");
        return String.join(" ", java.util.Arrays.asList(w).subList(0, Math.min(OPTION_WORDS, w.length)));
    }
}
