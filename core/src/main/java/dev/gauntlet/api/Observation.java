package dev.gauntlet.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the agent sees before each action.
 *
 * @param url             current page URL
 * @param title           page title
 * @param tabs            URLs of all open tabs
 * @param activeTab       index of the active tab in {@code tabs}
 * @param instruction     the task's instruction
 * @param html            pruned HTML: visible elements only, few attributes, each element's id as {@code bid}
 * @param axtree          accessibility text, one node a line: {@code [12] button "Submit"}
 * @param elements        the elements of {@code axtree} with their stable ids
 * @param lastActionError error of the previous action, or {@code ""}
 * @param extras          suite-specific views (WebShop {@code text}/{@code text_rich}, Mind2Web candidates)
 * @param screenshot      PNG of the viewport, taken only when first asked for
 */
public record Observation(String url, String title, List<String> tabs, int activeTab, String instruction,
                          String html, String axtree, List<Element> elements, String lastActionError,
                          Map<String, Object> extras, Lazy<byte[]> screenshot) {

    public Observation {
        tabs = List.copyOf(tabs == null ? List.of() : tabs);
        elements = List.copyOf(elements == null ? List.of() : elements);
        lastActionError = lastActionError == null ? "" : lastActionError;
        extras = extras == null ? Map.of() : Map.copyOf(extras);
        screenshot = screenshot == null ? Lazy.value(null) : screenshot;
        html = html == null ? "" : html;
        axtree = axtree == null ? "" : axtree;
        title = title == null ? "" : title;
        url = url == null ? "" : url;
        instruction = instruction == null ? "" : instruction;
    }

    /** Returns the element with this id. */
    public Optional<Element> element(String id) {
        return elements.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** Returns a copy with extra suite-specific views. */
    public Observation withExtras(Map<String, Object> more) {
        Map<String, Object> merged = new java.util.HashMap<>(extras);
        merged.putAll(more);
        return new Observation(url, title, tabs, activeTab, instruction, html, axtree, elements, lastActionError,
                merged, screenshot);
    }
}
