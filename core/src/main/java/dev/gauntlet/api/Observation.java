package dev.gauntlet.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the agent sees before each action. The page's views ({@link #html}, {@link #axtree}, {@link #elements}) may be
 * built on first read ({@link #lazy}): all three in one browser round trip, as they were when the observation was
 * taken, so an agent that never reads them (a scripted one) costs no page walk, and one that does sees the same
 * content as if they had been built at once.
 */
public final class Observation {

    /**
     * The extra holding the value of a suite's probe (MiniWoB's done flag, and its reward once done), read in the
     * same round trip as the rest of the observation.
     */
    public static final String PROBE = "probe";

    /**
     * The page's views, built together.
     *
     * @param html     pruned HTML: visible elements only, few attributes, each element's id as {@code bid}
     * @param axtree   accessibility text, one node a line: {@code [12] button "Submit"}
     * @param elements the elements of {@code axtree} with their stable ids
     */
    public record View(String html, String axtree, List<Element> elements) {
        public View {
            html = html == null ? "" : html;
            axtree = axtree == null ? "" : axtree;
            elements = List.copyOf(elements == null ? List.of() : elements);
        }
    }

    private final String url;
    private final String title;
    private final List<String> tabs;
    private final int activeTab;
    private final String instruction;
    private final Lazy<View> view;
    private final String lastActionError;
    private final Map<String, Object> extras;
    private final Lazy<byte[]> screenshot;

    /**
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
    public Observation(String url, String title, List<String> tabs, int activeTab, String instruction,
                       String html, String axtree, List<Element> elements, String lastActionError,
                       Map<String, Object> extras, Lazy<byte[]> screenshot) {
        this(url, title, tabs, activeTab, instruction, Lazy.value(new View(html, axtree, elements)), lastActionError,
                extras, screenshot);
    }

    private Observation(String url, String title, List<String> tabs, int activeTab, String instruction,
                        Lazy<View> view, String lastActionError, Map<String, Object> extras, Lazy<byte[]> screenshot) {
        this.url = url == null ? "" : url;
        this.title = title == null ? "" : title;
        this.tabs = List.copyOf(tabs == null ? List.of() : tabs);
        this.activeTab = activeTab;
        this.instruction = instruction == null ? "" : instruction;
        this.view = Objects.requireNonNull(view, "view");
        this.lastActionError = lastActionError == null ? "" : lastActionError;
        this.extras = extras == null ? Map.of() : Map.copyOf(extras);
        this.screenshot = screenshot == null ? Lazy.value(null) : screenshot;
    }

    /** Returns an observation whose views {@code view} builds on first read (once, for all three). */
    public static Observation lazy(String url, String title, List<String> tabs, int activeTab, String instruction,
                                   Supplier<View> view, String lastActionError, Map<String, Object> extras,
                                   Lazy<byte[]> screenshot) {
        return new Observation(url, title, tabs, activeTab, instruction, Lazy.of(view), lastActionError, extras,
                screenshot);
    }

    public String url() {
        return url;
    }

    public String title() {
        return title;
    }

    public List<String> tabs() {
        return tabs;
    }

    public int activeTab() {
        return activeTab;
    }

    public String instruction() {
        return instruction;
    }

    /** Returns the pruned HTML: visible elements only, few attributes, each element's id as {@code bid}. */
    public String html() {
        return view.get().html();
    }

    /** Returns the accessibility text, one node a line: {@code [12] button "Submit"}. */
    public String axtree() {
        return view.get().axtree();
    }

    /** Returns the elements of {@link #axtree} with their stable ids. */
    public List<Element> elements() {
        return view.get().elements();
    }

    /** Tells whether the views were built (read, or given when the observation was made). */
    public boolean viewBuilt() {
        return view.isDone();
    }

    public String lastActionError() {
        return lastActionError;
    }

    public Map<String, Object> extras() {
        return extras;
    }

    /** Returns the PNG of the viewport, taken only when first asked for. */
    public Lazy<byte[]> screenshot() {
        return screenshot;
    }

    /** Returns the element with this id. */
    public Optional<Element> element(String id) {
        return elements().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** Returns a copy with extra suite-specific views (sharing the page's views, built or not). */
    public Observation withExtras(Map<String, Object> more) {
        Map<String, Object> merged = new java.util.HashMap<>(extras);
        merged.putAll(more);
        return new Observation(url, title, tabs, activeTab, instruction, view, lastActionError, merged, screenshot);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Observation other && url.equals(other.url) && title.equals(other.title)
                && tabs.equals(other.tabs) && activeTab == other.activeTab && instruction.equals(other.instruction)
                && view.get().equals(other.view.get()) && lastActionError.equals(other.lastActionError)
                && extras.equals(other.extras) && screenshot.equals(other.screenshot);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, title, tabs, activeTab, instruction, view.get(), lastActionError, extras);
    }

    @Override
    public String toString() {
        return "Observation[url=" + url + ", title=" + title + ", tabs=" + tabs + ", activeTab=" + activeTab
                + ", instruction=" + instruction + ", view=" + (viewBuilt() ? view.get() : "(not built)")
                + ", lastActionError=" + lastActionError + ", extras=" + extras.keySet() + "]";
    }
}
