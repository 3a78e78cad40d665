package dev.gauntlet.suites.mind2web;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.Element;
import dev.gauntlet.api.Episode;
import dev.gauntlet.api.Observation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One task, offline and teacher-forced as in MindAct's evaluation: step i shows the task, the gold actions before it
 * ({@code action_reprs}), the step's cleaned HTML and its candidate elements; whatever the agent answers, the next
 * step starts from the gold state. The episode ends after the last step.
 *
 * <p>Observation: {@code html} is the cleaned HTML (element ids are backend_node_ids), {@code elements} and
 * {@code axtree} are the candidates, and the extras hold {@code task}, {@code previous_actions}, {@code candidates}
 * (each: {@code id}, {@code tag}, {@code text}, {@code attributes}, its own cleaned {@code html} and its
 * {@code position} in the page, -1 when absent), {@code step}, {@code steps}, {@code website} and {@code raw_html}.
 */
final class Mind2WebEpisode implements Episode {

    /** How much of a candidate's own HTML the observation carries (extra {@code candidates[].html}). */
    private static final int OUTER_MAX = 400;

    private final Mind2WebTask task;
    private final Mind2WebOracle oracle;
    private final long seed;
    private final StepRenderer renderer;
    private int step;

    Mind2WebEpisode(Mind2WebTask task, Mind2WebOracle oracle, long seed) {
        this(task, oracle, seed, null);
    }

    /** With a renderer, each observation's screenshot is the step's raw HTML rendered offline ({@code mind2web.render}). */
    Mind2WebEpisode(Mind2WebTask task, Mind2WebOracle oracle, long seed, StepRenderer renderer) {
        this.task = task;
        this.oracle = oracle;
        this.seed = seed;
        this.renderer = renderer;
    }

    @Override
    public Observation observe() {
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("task", task.confirmedTask());
        extras.put("website", task.website());
        extras.put("step", step);
        extras.put("steps", task.steps().size());
        extras.put("previous_actions", List.copyOf(task.actionReprs().subList(0, Math.min(step, task.actionReprs().size()))));
        if (step >= task.steps().size()) {
            return new Observation("", task.website(), List.of(), 0, task.confirmedTask(), "", "", List.of(), "",
                    extras, null);
        }
        Mind2WebStep s = task.steps().get(step);
        List<Candidate> shown = candidates(step);
        CandidateText text = new CandidateText(s.cleanedHtml());
        List<Element> elements = new ArrayList<>();
        List<Map<String, Object>> described = new ArrayList<>();
        StringBuilder lines = new StringBuilder();
        for (Candidate c : shown) {
            String name = name(text.of(c.backendNodeId()), c.attributes());
            elements.add(new Element(c.backendNodeId(), role(c), name, c.tag(), "", true, false,
                    visible(c.attributes()), box(c.attributes().get("bounding_box_rect"))));
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("id", c.backendNodeId());
            d.put("tag", c.tag());
            d.put("text", name);
            d.put("attributes", c.attributes());
            d.put("html", text.outer(c.backendNodeId(), OUTER_MAX));
            d.put("position", text.position(c.backendNodeId()));
            described.add(d);
            lines.append('[').append(c.backendNodeId()).append("] ").append(c.tag()).append(" \"")
                    .append(name).append("\"\n");
        }
        extras.put("candidates", described);
        extras.put("raw_html", s.rawHtml());
        String raw = s.rawHtml();
        return new Observation("", task.website(), List.of(), 0, task.confirmedTask(), s.cleanedHtml(),
                lines.toString().strip(), elements, "", extras,
                renderer == null ? null : dev.gauntlet.api.Lazy.of(() -> renderer.render(raw)));
    }

    /**
     * Returns the candidates the agent sees at {@code step}: the top-k of the ranking (all candidates without one),
     * in an order shuffled by the seed, so neither the dataset's positives-first order nor the rank gives the
     * answer away.
     */
    List<Candidate> candidates(int step) {
        Mind2WebStep s = task.steps().get(step);
        List<Candidate> all = new ArrayList<>(s.positives());
        all.addAll(s.negatives());
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : all) {
            if (oracle.ranking() == null || oracle.ranking().rank(task.annotationId(), s.actionUid(), c.backendNodeId())
                    .orElse(Integer.MAX_VALUE) < oracle.topK()) {
                kept.add(c);
            }
        }
        Collections.shuffle(kept, new Random(seed * 31 + (task.annotationId() + "_" + s.actionUid()).hashCode()));
        return kept;
    }

    /** The element's own text, else what labels it: an input has no text but a placeholder or an aria label. */
    static String name(String text, Map<String, String> attributes) {
        if (!text.isBlank()) {
            return text;
        }
        for (String k : new String[] {"aria_label", "aria-label", "placeholder", "title", "alt", "value", "name"}) {
            String v = attributes.get(k);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return "";
    }

    private static String role(Candidate c) {
        String role = c.attributes().getOrDefault("role", "");
        if (!role.isEmpty()) {
            return role;
        }
        return switch (c.tag()) {
            case "a" -> "link";
            case "select" -> "combobox";
            case "textarea" -> "textbox";
            case "input" -> switch (c.attributes().getOrDefault("type", "text")) {
                case "button", "submit", "reset", "image" -> "button";
                case "checkbox" -> "checkbox";
                case "radio" -> "radio";
                default -> "textbox";
            };
            default -> c.tag();
        };
    }

    /**
     * The dataset's {@code bounding_box_rect} ("x,y,width,height"); a candidate without one gets a nominal 1×1 box,
     * since every candidate was on the page and agents skip zero-sized elements as invisible.
     */
    static Element.Box box(String rect) {
        if (rect != null) {
            String[] p = rect.split(",");
            if (p.length == 4) {
                try {
                    return new Element.Box(Double.parseDouble(p[0].strip()), Double.parseDouble(p[1].strip()),
                            Double.parseDouble(p[2].strip()), Double.parseDouble(p[3].strip()));
                } catch (NumberFormatException e) {
                    // nominal box below
                }
            }
        }
        return new Element.Box(0, 0, 1, 1);
    }

    private static Map<String, String> visible(Map<String, String> attributes) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : new String[] {"type", "placeholder", "aria_label", "aria-label", "title", "name", "value", "href"}) {
            String v = attributes.get(k);
            if (v != null && !v.isEmpty()) {
                out.put(k, v);
            }
        }
        return out;
    }

    @Override
    public String act(Action action) {
        // teacher forcing: the gold action is what happened; the agent's answer is scored by the oracle
        step++;
        return null;
    }

    @Override
    public boolean done() {
        return step >= task.steps().size();
    }

    /** Returns the gold actions: each step's operation on its first positive within the top-k. */
    @Override
    public List<Action> demonstration() {
        List<Action> plan = new ArrayList<>();
        for (int i = 0; i < task.steps().size(); i++) {
            Mind2WebStep s = task.steps().get(i);
            String id = oracle.positivesInTopK(i).stream().findFirst()
                    .orElse(s.positives().isEmpty() ? "" : s.positives().get(0).backendNodeId());
            Operation op = s.operation();
            plan.add(switch (op.op()) {
                case CLICK -> new Action.Click(id);
                case TYPE -> new Action.Type(id, op.value());
                case SELECT -> new Action.Select(id, List.of(op.value()));
            });
        }
        return plan;
    }

    @Override
    public void close() {
        if (renderer != null) {
            renderer.close();
        }
    }
}
