package dev.gauntlet.suites.webvoyager;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.ConfigException;
import dev.gauntlet.api.EnvironmentUnavailableException;
import dev.gauntlet.api.Setting;
import dev.gauntlet.api.Task;
import dev.gauntlet.suite.Suite;
import dev.gauntlet.suite.SuiteContext;
import dev.gauntlet.suite.TaskSet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Online-Mind2Web: 300 tasks on live websites from the user's task file, scored by WebJudge ({@code webjudge}).
 * It has no offline sample of its own: the WebVoyager suite's built-in sample covers the live-web protocol offline.
 */
public final class OnlineMind2WebSuite implements Suite {

    /** Online-Mind2Web's task file (a JSON list). */
    public static final Setting<String> TASKS = Setting.text("online_mind2web.tasks", "",
            "Online-Mind2Web's task file (a JSON list of task_id, confirmed_task, website, reference_length, level)");
    /** Hosts a task's browser may reach besides its site. */
    public static final Setting<String> HOSTS = Setting.text("online_mind2web.hosts", "",
            "hosts the browser may reach besides the task's site and its sub-domains, or `*` for any");

    /** As {@link WebVoyagerSuite#PUBLIC_IP}. */
    public static final Setting<Boolean> PUBLIC_IP = Setting.bool("online_mind2web.publicIp", "false",
            "as `webvoyager.publicIp`, for Online-Mind2Web");
    /** As {@link WebVoyagerSuite#PUBLIC_IP_URL}. */
    public static final Setting<String> PUBLIC_IP_URL = Setting.text("online_mind2web.publicIpUrl",
            "https://api.ipify.org", "as `webvoyager.publicIpUrl`, for Online-Mind2Web");

    @Override
    public String name() {
        return "online-mind2web";
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(TASKS, HOSTS, PUBLIC_IP, PUBLIC_IP_URL);
    }

    /** The step limit is not fixed by the benchmark; WebVoyager's 15 is too few for its hard tasks. */
    @Override
    public int defaultMaxSteps() {
        return 30;
    }

    @Override
    public String defaultSeeds() {
        return "1";
    }

    @Override
    public TaskSet open(SuiteContext context) throws Exception {
        Config config = context.config();
        String file = TASKS.read(config);
        if (file == null) {
            throw new EnvironmentUnavailableException("no task file: set " + TASKS.key()
                    + " to Online-Mind2Web's task list (the benchmark has no offline sample)");
        }
        Path path = WebVoyagerSuite.existing(TASKS.key(), file);
        JsonNode root;
        try {
            root = LiveTaskFiles.JSON.readTree(path.toFile());
        } catch (IOException e) {
            throw new ConfigException(TASKS.key() + "=" + path + ": not readable as JSON: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        List<LiveTask> tasks = LiveTaskFiles.onlineMind2Web(root, path.toString(), context::problem);
        List<String> extra = WebVoyagerSuite.split(HOSTS.read(config));
        List<Task> out = new ArrayList<>();
        Map<String, LiveTask> byId = new HashMap<>();
        for (LiveTask t : tasks) {
            if (byId.putIfAbsent(t.id(), t) != null) {
                context.problem(t.line(), "duplicate task_id '" + t.id() + "'; the first one is kept");
                continue;
            }
            out.add(new Task(name(), t.id(), t.question(), List.of(t.startUrl()),
                    Set.of("site:" + WebVoyagerSuite.tag(t.site()), "level:" + t.level()), null,
                    LiveTaskFiles.hostsOrAll(t.startUrl(), extra), 0,
                    Map.of("reference_length", t.referenceLength())));
        }
        return new LiveWebTasks(out, byId, Map.of(), null, List.of("webjudge"), path.toAbsolutePath().toString(),
                WebVoyagerSuite.region(config, PUBLIC_IP, PUBLIC_IP_URL));
    }
}
