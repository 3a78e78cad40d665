package dev.gauntlet.suites.mind2web;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A page's DOM as Chromium gives it over the DevTools protocol ({@code DOM.getDocument}, every level, frames and
 * shadow roots pierced), each element with its backend node id: written as raw HTML (every element carries
 * {@code backend_node_id}, as in Mind2Web's {@code raw_html}) and as cleaned HTML (only salient attributes, empty
 * wrappers unwrapped, scripts and styles dropped, as Mind2Web's {@code cleaned_html}), with the candidate elements.
 */
final class DomSnapshot {

    /** An element or text node. */
    record Node(int type, String name, String value, Map<String, String> attributes, String backendNodeId,
                List<Node> children) {

        boolean element() {
            return type == 1;
        }

        String tag() {
            return name.toLowerCase(Locale.ROOT);
        }
    }

    /** Attributes the harness adds to pages; not the site's, so never written. */
    private static final Set<String> HARNESS = Set.of("data-gid", "bid", "browsergym_set_of_marks", "browsergym_visibility_ratio");
    /** What Mind2Web's cleaning keeps (names with non-word characters as underscores). */
    private static final Set<String> SALIENT = Set.of("alt", "aria_description", "aria_label", "aria_role", "label",
            "name", "placeholder", "role", "title", "type", "value");
    private static final Set<String> DROPPED = Set.of("head", "script", "style", "noscript", "meta", "link", "template",
            "title");
    private static final Set<String> INTERACTIVE = Set.of("a", "button", "input", "select", "textarea", "summary");
    private static final Set<String> ROLES = Set.of("button", "link", "checkbox", "radio", "menuitem", "tab", "option",
            "textbox", "combobox", "searchbox", "switch");

    final Node root;
    private final Map<String, Node> byId = new LinkedHashMap<>();

    private DomSnapshot(Node root) {
        this.root = root;
        index(root);
    }

    /** Captures the page's DOM now. */
    static DomSnapshot capture(CDPSession cdp) {
        JsonObject params = new JsonObject();
        params.addProperty("depth", -1);
        params.addProperty("pierce", true);
        JsonObject doc = cdp.send("DOM.getDocument", params).getAsJsonObject("root");
        return new DomSnapshot(node(doc));
    }

    /** Returns the backend node id of the first element matching {@code selector}, or null. */
    static String backendId(CDPSession cdp, String selector) {
        JsonObject params = new JsonObject();
        params.addProperty("depth", 0);
        int rootId = cdp.send("DOM.getDocument", params).getAsJsonObject("root").get("nodeId").getAsInt();
        JsonObject q = new JsonObject();
        q.addProperty("nodeId", rootId);
        q.addProperty("selector", selector);
        int nodeId = cdp.send("DOM.querySelector", q).get("nodeId").getAsInt();
        if (nodeId == 0) {
            return null;
        }
        JsonObject d = new JsonObject();
        d.addProperty("nodeId", nodeId);
        return cdp.send("DOM.describeNode", d).getAsJsonObject("node").get("backendNodeId").getAsString();
    }

    /** Returns {@code "x,y,width,height"} of an element's border box, or null when it has no box. */
    static String box(CDPSession cdp, String backendNodeId) {
        JsonObject p = new JsonObject();
        p.addProperty("backendNodeId", Integer.parseInt(backendNodeId));
        try {
            JsonArray q = cdp.send("DOM.getBoxModel", p).getAsJsonObject("model").getAsJsonArray("border");
            double x = q.get(0).getAsDouble(), y = q.get(1).getAsDouble();
            return fmt(x) + "," + fmt(y) + "," + fmt(q.get(2).getAsDouble() - x) + "," + fmt(q.get(5).getAsDouble() - y);
        } catch (RuntimeException e) {
            return null; // not rendered
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    static CDPSession session(Page page) {
        return page.context().newCDPSession(page);
    }

    private static Node node(JsonObject o) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (o.has("attributes")) {
            JsonArray a = o.getAsJsonArray("attributes");
            for (int i = 0; i + 1 < a.size(); i += 2) {
                attributes.put(a.get(i).getAsString(), a.get(i + 1).getAsString());
            }
        }
        List<Node> children = new ArrayList<>();
        if (o.has("shadowRoots")) {
            for (JsonElement c : o.getAsJsonArray("shadowRoots")) {
                // an input's or a video's own parts are the browser's, not the page's
                if (!"user-agent".equals(c.getAsJsonObject().has("shadowRootType")
                        ? c.getAsJsonObject().get("shadowRootType").getAsString() : "")) {
                    children.addAll(node(c.getAsJsonObject()).children());
                }
            }
        }
        if (o.has("contentDocument")) {
            children.add(node(o.getAsJsonObject("contentDocument")));
        }
        if (o.has("children")) {
            for (JsonElement c : o.getAsJsonArray("children")) {
                children.add(node(c.getAsJsonObject()));
            }
        }
        return new Node(o.get("nodeType").getAsInt(), o.get("nodeName").getAsString(),
                o.has("nodeValue") ? o.get("nodeValue").getAsString() : "", attributes,
                o.get("backendNodeId").getAsString(), children);
    }

    private void index(Node n) {
        if (n.element()) {
            byId.putIfAbsent(n.backendNodeId(), n);
        }
        n.children().forEach(this::index);
    }

    Node element(String backendNodeId) {
        return byId.get(backendNodeId);
    }

    /** The elements an action may target: links, buttons, form fields, and elements with such a role or onclick. */
    List<Node> candidates() {
        List<Node> out = new ArrayList<>();
        for (Node n : byId.values()) {
            String type = n.attributes().getOrDefault("type", "").toLowerCase(Locale.ROOT);
            if ((INTERACTIVE.contains(n.tag()) && !type.equals("hidden")) || ROLES.contains(n.attributes()
                    .getOrDefault("role", "")) || n.attributes().containsKey("onclick")) {
                out.add(n);
            }
        }
        return out;
    }

    /** The element's visible text (whitespace collapsed), else what labels it. */
    static String text(Node n) {
        StringBuilder sb = new StringBuilder();
        collect(n, sb);
        String t = sb.toString().replaceAll("\\s+", " ").strip();
        if (!t.isEmpty()) {
            return t;
        }
        for (String k : new String[] {"aria-label", "placeholder", "title", "alt", "value", "name"}) {
            String v = n.attributes().get(k);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return "";
    }

    private static void collect(Node n, StringBuilder sb) {
        if (n.type() == 3) {
            sb.append(n.value()).append(' ');
        } else if (n.element() && !DROPPED.contains(n.tag())) {
            n.children().forEach(c -> collect(c, sb));
        }
    }

    /** Writes the page with every attribute the site set and each element's backend_node_id. */
    String rawHtml() {
        StringBuilder sb = new StringBuilder();
        raw(root, sb);
        return sb.toString();
    }

    private static void raw(Node n, StringBuilder sb) {
        if (n.type() == 3) {
            sb.append(escape(n.value()));
            return;
        }
        if (!n.element()) {
            n.children().forEach(c -> raw(c, sb)); // the document, a frame's document
            return;
        }
        sb.append('<').append(n.tag());
        n.attributes().forEach((k, v) -> {
            if (!HARNESS.contains(k)) {
                sb.append(' ').append(k).append("=\"").append(escape(v)).append('"');
            }
        });
        sb.append(" backend_node_id=\"").append(n.backendNodeId()).append("\">");
        n.children().forEach(c -> raw(c, sb));
        sb.append("</").append(n.tag()).append('>');
    }

    /**
     * Writes the cleaned page as Mind2Web's cleaning does in spirit: scripts, styles and the head dropped; only salient
     * attributes (names with non-word characters as underscores) and backend_node_id kept; whitespace collapsed;
     * an element that is not a candidate, has no other attribute, no text of its own and at most one child is
     * replaced by its child.
     */
    String cleanedHtml(Set<String> candidateIds) {
        StringBuilder sb = new StringBuilder();
        cleaned(root, candidateIds, sb);
        return sb.toString();
    }

    private static void cleaned(Node n, Set<String> keep, StringBuilder sb) {
        if (n.type() == 3) {
            String t = n.value().replaceAll("\\s+", " ").strip();
            if (!t.isEmpty()) {
                sb.append("<text backend_node_id=\"").append(n.backendNodeId()).append("\">").append(escape(t))
                        .append("</text>");
            }
            return;
        }
        if (!n.element()) {
            n.children().forEach(c -> cleaned(c, keep, sb));
            return;
        }
        if (DROPPED.contains(n.tag())) {
            return;
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        n.attributes().forEach((k, v) -> {
            String name = k.replaceAll("[^\\w]", "_");
            String value = v.replaceAll("\\s+", " ").strip();
            if (SALIENT.contains(name) && !value.isEmpty() && !(name.equals("type") && value.equals("hidden"))
                    && !(name.equals("role") && Set.of("presentation", "none", "link").contains(value))) {
                attrs.put(name, value);
            }
        });
        boolean ownText = n.children().stream().anyMatch(c -> c.type() == 3 && !c.value().isBlank());
        long elements = n.children().stream().filter(c -> c.element() || (c.type() == 3 && !c.value().isBlank())).count();
        if (!keep.contains(n.backendNodeId()) && attrs.isEmpty() && !ownText && elements <= 1
                && !n.tag().equals("html") && !n.tag().equals("body")) {
            n.children().forEach(c -> cleaned(c, keep, sb));
            return;
        }
        sb.append('<').append(n.tag()).append(" backend_node_id=\"").append(n.backendNodeId()).append('"');
        attrs.forEach((k, v) -> sb.append(' ').append(k).append("=\"").append(escape(v)).append('"'));
        sb.append('>');
        n.children().forEach(c -> cleaned(c, keep, sb));
        sb.append("</").append(n.tag()).append('>');
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
