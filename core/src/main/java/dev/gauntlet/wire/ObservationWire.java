package dev.gauntlet.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.api.Element;
import dev.gauntlet.api.Observation;

import java.util.Base64;
import java.util.Map;

/**
 * Writes an {@link Observation} as the protocol's {@code obs} object. Keys follow BrowserGym's observation names
 * ({@code goal}, {@code url}, {@code open_pages_urls}, {@code active_page_index}, {@code axtree_txt},
 * {@code pruned_html}, {@code last_action}, {@code last_action_error}, {@code screenshot}); elements carry their
 * {@code bid} and {@code bbox} ({@code [x, y, width, height]}) as BrowserGym's element properties do.
 */
public final class ObservationWire {

    /** The protocol version this harness speaks; a peer answering another major version is refused. */
    public static final int PROTOCOL_VERSION = 1;

    /** One mapper for the whole protocol: thread-safe once configured. */
    public static final ObjectMapper JSON = new ObjectMapper();

    private ObservationWire() {}

    /**
     * Returns the {@code obs} object.
     *
     * @param lastAction the previous action in BrowserGym's syntax, or {@code ""}
     * @param screenshot whether to include the screenshot (base64 PNG); it is taken only then
     */
    public static ObjectNode write(Observation obs, String lastAction, boolean screenshot) {
        ObjectNode o = JSON.createObjectNode();
        o.put("goal", obs.instruction());
        o.put("url", obs.url());
        o.put("title", obs.title());
        ArrayNode tabs = o.putArray("open_pages_urls");
        obs.tabs().forEach(tabs::add);
        o.put("active_page_index", obs.activeTab());
        o.put("axtree_txt", obs.axtree());
        o.put("pruned_html", obs.html());
        ArrayNode elements = o.putArray("elements");
        for (Element e : obs.elements()) {
            elements.add(element(e));
        }
        o.put("last_action", lastAction == null ? "" : lastAction);
        o.put("last_action_error", obs.lastActionError());
        o.set("extras", extras(obs.extras()));
        if (screenshot) {
            byte[] png = obs.screenshot().get();
            if (png != null) {
                o.put("screenshot", Base64.getEncoder().encodeToString(png));
            }
        }
        return o;
    }

    private static ObjectNode element(Element e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("bid", e.id());
        n.put("role", e.role());
        n.put("name", e.name());
        n.put("tag", e.tag());
        n.put("value", e.value());
        n.put("interactive", e.interactive());
        n.put("checked", e.checked());
        ObjectNode attributes = n.putObject("attributes");
        e.attributes().forEach(attributes::put);
        ArrayNode box = n.putArray("bbox");
        box.add(e.box().x()).add(e.box().y()).add(e.box().width()).add(e.box().height());
        return n;
    }

    /** Suite extras as JSON; a value Jackson cannot write becomes its string form rather than failing the step. */
    private static ObjectNode extras(Map<String, Object> extras) {
        ObjectNode n = JSON.createObjectNode();
        extras.forEach((k, v) -> {
            JsonNode value;
            try {
                value = JSON.valueToTree(v);
            } catch (IllegalArgumentException e) {
                value = JSON.getNodeFactory().textNode(String.valueOf(v));
            }
            n.set(k, value);
        });
        return n;
    }
}
