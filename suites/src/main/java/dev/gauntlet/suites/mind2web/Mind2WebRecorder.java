package dev.gauntlet.suites.mind2web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import dev.gauntlet.api.Action;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.Episode;
import dev.gauntlet.api.Settings;
import dev.gauntlet.api.Task;
import dev.gauntlet.browser.BrowserSession;
import dev.gauntlet.suite.EpisodeContext;
import dev.gauntlet.suite.Suite;
import dev.gauntlet.suite.SuiteContext;
import dev.gauntlet.suite.TaskSet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Turns finished runs with browser trajectories into Mind2Web's format: each episode is played again in Chromium
 * from its recorded actions, and before each action on an element the page's DOM is captured over the DevTools
 * protocol (backend node ids from {@code DOM.getDocument}, the target's from {@code DOM.querySelector} and
 * {@code DOM.describeNode}): raw and cleaned HTML, the target as the positive candidate and the page's other
 * interactive elements as negatives, the operation ({@code CLICK}, {@code TYPE}, {@code SELECT}; a hover or an Enter
 * on an element is a CLICK with that {@code original_op}) and an {@code action_reprs} line. Actions that are not on
 * an element (navigation, scrolling, the answer) are played but not recorded; an episode without element actions is
 * left out.
 *
 * <pre>Mind2WebRecorder RUN_FOLDER... --out DIR [--site NAME=SPLIT/DOMAIN/SUBDOMAIN]... [--all]</pre>
 * Writes {@code DIR/<split>/<split>_0.json}. The website of a task is its {@code site:} tag (else its suite); a site
 * without {@code --site} goes to {@code test_task} with domain and subdomain "unknown". Only passed episodes are
 * recorded unless {@code --all}. Suites open with the system properties as their configuration.
 */
public final class Mind2WebRecorder implements AutoCloseable {

    /** Where a site's tasks go. */
    record Site(String split, String domain, String subdomain) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARK = "data-gauntlet-recorded-target";

    private final Config config;
    private final Map<String, Site> sites;
    private final Map<String, TaskSet> opened = new HashMap<>();
    private final Map<String, List<ObjectNode>> bySplit = new TreeMap<>();
    private BrowserSession browser;

    Mind2WebRecorder(Config config, Map<String, Site> sites) {
        this.config = config;
        this.sites = sites;
    }

    public static void main(String[] args) throws Exception {
        List<Path> runs = new ArrayList<>();
        Path out = null;
        Map<String, Site> sites = new LinkedHashMap<>();
        boolean all = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--all" -> all = true;
                case "--site" -> {
                    String[] kv = args[++i].split("=", 2);
                    String[] v = kv.length == 2 ? kv[1].split("/", 3) : new String[0];
                    if (v.length != 3) {
                        throw new IllegalArgumentException("--site " + args[i] + ": expected NAME=SPLIT/DOMAIN/SUBDOMAIN");
                    }
                    sites.put(kv[0], new Site(v[0], v[1], v[2]));
                }
                default -> runs.add(Path.of(args[i]));
            }
        }
        if (out == null || runs.isEmpty()) {
            System.err.println("usage: Mind2WebRecorder RUN_FOLDER... --out DIR [--site NAME=SPLIT/DOMAIN/SUBDOMAIN]... [--all]");
            System.exit(2);
        }
        Config config = Config.from(k -> Optional.ofNullable(System.getProperty(k)));
        try (Mind2WebRecorder recorder = new Mind2WebRecorder(config, sites)) {
            int n = 0;
            for (Path run : runs) {
                n += recorder.recordRun(run, all);
            }
            for (Path f : recorder.write(out)) {
                System.out.println("[gauntlet] mind2web recorder: wrote " + f);
            }
            System.out.println("[gauntlet] mind2web recorder: " + n + " tasks recorded");
        }
    }

    /** Records every (passed, unless {@code all}) episode of a run folder; returns how many tasks it recorded. */
    int recordRun(Path run, boolean all) throws Exception {
        Path dir = run.resolve("trajectories");
        if (!Files.isDirectory(dir)) {
            throw new IOException(run + " has no trajectories/ folder: not a finished run folder");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        int n = 0;
        for (Path f : files) {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : Files.readAllLines(f)) {
                if (!line.isBlank()) {
                    lines.add(JSON.readTree(line));
                }
            }
            JsonNode end = lines.stream().filter(l -> "episode".equals(l.path("type").asText())).findFirst().orElse(null);
            if (end == null || (!all && !"passed".equals(end.path("status").asText()))) {
                continue;
            }
            List<Action> actions = new ArrayList<>();
            for (JsonNode l : lines) {
                if ("step".equals(l.path("type").asText())) {
                    actions.add(RecordedAction.read(l.path("action_typed"), f));
                }
            }
            ObjectNode task = record(end.path("suite").asText(), end.path("task").asText(), end.path("seed").asLong(),
                    actions);
            if (task != null) {
                n++;
            }
        }
        return n;
    }

    /** Plays one episode again and records it; returns the task in Mind2Web's format, or null without element steps. */
    ObjectNode record(String suiteName, String taskId, long seed, List<Action> actions) throws Exception {
        TaskSet set = open(suiteName);
        Task task = set.tasks().stream().filter(t -> t.id().equals(taskId)).findFirst()
                .orElseThrow(() -> new IOException("suite " + suiteName + " has no task '" + taskId + "'"));
        String website = task.tags().stream().filter(t -> t.startsWith("site:")).map(t -> t.substring(5)).findFirst()
                .orElse(suiteName);
        Site site = sites.getOrDefault(website, new Site("test_task", "unknown", "unknown"));
        ArrayNode steps = JSON.createArrayNode();
        ArrayNode reprs = JSON.createArrayNode();
        String annotation = suiteName + "-" + taskId + "-" + seed;
        if (browser == null) {
            browser = new BrowserSession(config);
        }
        {
            Episode episode = set.start(task, seed, new EpisodeContext(config, browser));
            try {
                int i = 0;
                for (Action a : actions) {
                    if (a instanceof Action.Answer) {
                        break;
                    }
                    episode.observe(); // stamps the element ids the actions name
                    Optional<Operation> op = RecordedAction.operation(a);
                    String target = RecordedAction.target(a);
                    if (op.isPresent() && target != null) {
                        Page page = episode.page().flatMap(p -> p.unwrap(Page.class)).orElseThrow(
                                () -> new IOException(suiteName + " task " + taskId + " has no browser page"));
                        ObjectNode step = step(page, target, op.get(), annotation + "-a" + i, reprs);
                        if (step != null) {
                            steps.add(step);
                        }
                    }
                    i++;
                    episode.act(a);
                }
            } finally {
                episode.close();
            }
        }
        if (steps.isEmpty()) {
            return null;
        }
        ObjectNode t = JSON.createObjectNode();
        t.put("annotation_id", annotation);
        t.put("website", website);
        t.put("domain", site.domain());
        t.put("subdomain", site.subdomain());
        t.put("confirmed_task", task.instruction());
        t.set("action_reprs", reprs);
        t.set("actions", steps);
        bySplit.computeIfAbsent(site.split(), k -> new ArrayList<>()).add(t);
        return t;
    }

    private ObjectNode step(Page page, String target, Operation op, String uid, ArrayNode reprs) {
        CDPSession cdp = DomSnapshot.session(page);
        try {
            // the harness's own locator finds the target (an element id or a Playwright selector); a mark lets
            // Chromium name it, and is taken off before the page is captured
            var locator = dev.gauntlet.browser.ActionExecutor.locate(page, target);
            if (locator.count() == 0) {
                return null;
            }
            locator.evaluate("e => e.setAttribute('" + MARK + "', '')");
            String positive = DomSnapshot.backendId(cdp, "[" + MARK + "]");
            locator.evaluate("e => e.removeAttribute('" + MARK + "')");
            DomSnapshot dom = DomSnapshot.capture(cdp);
            if (positive == null || dom.element(positive) == null) {
                return null;
            }
            Set<String> ids = new LinkedHashSet<>();
            dom.candidates().forEach(n -> ids.add(n.backendNodeId()));
            ids.add(positive);
            ObjectNode s = JSON.createObjectNode();
            s.put("action_uid", uid);
            s.put("raw_html", dom.rawHtml());
            s.put("cleaned_html", dom.cleanedHtml(ids));
            ObjectNode o = s.putObject("operation");
            o.put("op", op.op().name());
            o.put("original_op", op.originalOp());
            o.put("value", op.value());
            ArrayNode pos = s.putArray("pos_candidates");
            ArrayNode neg = s.putArray("neg_candidates");
            for (String id : ids) {
                DomSnapshot.Node n = dom.element(id);
                ObjectNode c = (id.equals(positive) ? pos : neg).addObject();
                c.put("tag", n.tag());
                Map<String, String> attrs = new LinkedHashMap<>(n.attributes());
                attrs.remove("data-gid");
                attrs.put("backend_node_id", id);
                String box = DomSnapshot.box(cdp, id);
                if (box != null) {
                    attrs.put("bounding_box_rect", box);
                }
                c.put("attributes", JSON.writeValueAsString(attrs));
                c.put("backend_node_id", id);
                if (id.equals(positive)) {
                    c.put("is_original_target", true);
                    c.put("is_top_level_target", true);
                }
            }
            DomSnapshot.Node t = dom.element(positive);
            String label = DomSnapshot.text(t);
            reprs.add("[" + t.tag() + "]  " + (label.length() > 60 ? label.substring(0, 60) : label) + " -> "
                    + op.op().name() + (op.value().isEmpty() ? "" : ": " + op.value()));
            return s;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        } finally {
            cdp.detach();
        }
    }

    private TaskSet open(String name) throws Exception {
        TaskSet set = opened.get(name);
        if (set != null) {
            return set;
        }
        Suite suite = ServiceLoader.load(Suite.class).stream().map(ServiceLoader.Provider::get)
                .filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IOException("no suite '" + name + "' on the class path"));
        List<String> errors = Settings.validate(config, suite.settings());
        if (!errors.isEmpty()) {
            throw new IOException("suite " + name + ": " + String.join("; ", errors));
        }
        set = suite.open(new SuiteContext() {
            @Override
            public Config config() {
                return config;
            }

            @Override
            public void problem(String where, String message) {
                System.err.println("[gauntlet] " + name + ": " + where + ": " + message);
            }
        });
        opened.put(name, set);
        return set;
    }

    /** Writes the recorded tasks, {@code DIR/<split>/<split>_0.json} per split; returns the files. */
    List<Path> write(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, List<ObjectNode>> e : bySplit.entrySet()) {
            Path f = dir.resolve(e.getKey()).resolve(e.getKey() + "_0.json");
            Files.createDirectories(f.getParent());
            ArrayNode list = JSON.createArrayNode();
            e.getValue().forEach(list::add);
            Files.writeString(f, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(list) + "\n");
            files.add(f);
        }
        return files;
    }

    @Override
    public void close() throws Exception {
        for (TaskSet s : opened.values()) {
            s.close();
        }
        if (browser != null) {
            browser.close();
        }
    }
}
