package dev.gauntlet.engine;

import dev.gauntlet.api.Config;
import dev.gauntlet.api.ConfigException;
import dev.gauntlet.api.Screenshots;
import dev.gauntlet.api.Settings;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's settings of one run, read once from the configuration at discovery. A bad value of any core key
 * fails discovery with one line per key, before any episode runs.
 *
 * @param suites      selected suite names ({@code all} alone selects every suite)
 * @param agents      agent specs as typed
 * @param tasks       the task filter's text
 * @param seeds       the configured seeds, or empty for each suite's default
 * @param workers     parallel episodes
 * @param maxSteps    the configured step limit, or 0 for the suite's
 * @param judges      judge specs ({@code name} or {@code name:key=value,...}), in order
 * @param shard       which shard of the tasks to run: the configured one, else the scheduler array's, else all
 * @param screenshots when to save screenshots
 * @param resume      the run folder to continue ({@code runs/<id>}, a path, or {@code latest}), or {@code ""}
 * @param retryBroken on resume, how many times a broken episode is rerun
 * @param retryBlocked on resume, how many times a blocked episode is rerun
 * @param runId       a fixed run id, or {@code ""} for a time-stamped one
 * @param stepTimeoutS    seconds the agent may take per step, 0 = no limit
 * @param episodeTimeoutS seconds an episode may take, 0 = no limit
 */
record RunSettings(List<String> suites, List<String> agents, String tasks, Optional<List<Long>> seeds, int workers,
                   int maxSteps, List<String> judges, Shard shard, Screenshots screenshots, String resume,
                   int retryBroken, int retryBlocked, String runId, int stepTimeoutS, int episodeTimeoutS) {

    /** Shard {@code index} of {@code count}, both 1-based ({@code 2/4}). */
    record Shard(int index, int count) {
        static final Shard ALL = new Shard(1, 1);

        /** Tells whether the {@code n}-th task dealt (0-based) belongs to this shard. */
        boolean takes(int n) {
            return n % count == index - 1;
        }

        static Shard parse(String key, String text) {
            String[] parts = text.trim().split("/");
            try {
                int i = Integer.parseInt(parts[0].trim());
                int n = Integer.parseInt(parts[1].trim());
                if (parts.length == 2 && n >= 1 && i >= 1 && i <= n) {
                    return new Shard(i, n);
                }
            } catch (RuntimeException e) {
                // fall through to the error below
            }
            throw new ConfigException(key, text, "i/n with 1 <= i <= n, e.g. 2/4");
        }
    }

    /** Reads and checks every core key; throws one {@link ConfigException} with a line per bad value. */
    static RunSettings read(Config config) {
        return read(config, System.getenv());
    }

    /** Reads the settings with {@code env} as the process environment (where a scheduler's array names the shard). */
    static RunSettings read(Config config, Map<String, String> env) {
        List<String> errors = new java.util.ArrayList<>(Settings.validate(config, Settings.ALL));
        Shard shard = Shard.ALL;
        Optional<List<Long>> seeds = Optional.empty();
        try {
            shard = config.get(Settings.SHARD.key()).isPresent()
                    ? Shard.parse(Settings.SHARD.key(), Settings.SHARD.read(config))
                    : ClusterArray.shard(env).orElse(Shard.ALL);
        } catch (ConfigException e) {
            errors.add(e.getMessage());
        } catch (IllegalArgumentException e) {
            errors.add(Settings.SHARD.key() + " from the array's environment: " + e.getMessage());
        }
        String runId = Optional.ofNullable(Settings.RUN_ID.read(config)).orElse("");
        if (!runId.isEmpty() && !runId.equals(dev.gauntlet.api.RunFolder.safeName(runId))) {
            errors.add(new ConfigException(Settings.RUN_ID.key(), runId,
                    "letters, digits and . _ + - only (it names a folder)").getMessage());
        }
        if (config.get(Settings.BROWSER_ARGS.key()).filter(v -> !v.isBlank()).isPresent()
                && config.get(Settings.BROWSER_ENDPOINT.key()).filter(v -> !v.isBlank()).isPresent()) {
            errors.add(Settings.BROWSER_ARGS.key() + ": flags apply to a browser the harness launches; with "
                    + Settings.BROWSER_ENDPOINT.key() + " set, give them to the remote browser when you start it");
        }
        try {
            String s = Settings.SEEDS.read(config);
            seeds = s == null ? Optional.empty() : Optional.of(SeedSpec.parse(s));
        } catch (ConfigException e) {
            errors.add(e.getMessage());
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(String.join("\n", errors));
        }
        return new RunSettings(split(Settings.SUITE.read(config), ","), split(Settings.AGENT.read(config), ";"),
                Optional.ofNullable(Settings.TASKS.read(config)).orElse(""), seeds, Settings.WORKERS.read(config),
                Settings.MAX_STEPS.read(config), dev.gauntlet.api.JudgeSpec.split(Settings.JUDGE.read(config)),
                shard, Settings.SCREENSHOTS.read(config), Optional.ofNullable(Settings.RESUME.read(config)).orElse(""),
                Settings.RETRY_BROKEN.read(config), Settings.RETRY_BLOCKED.read(config), runId, Settings.STEP_TIMEOUT_S.read(config),
                Settings.EPISODE_TIMEOUT_S.read(config));
    }

    static List<String> split(String text, String separator) {
        return Arrays.stream(text.split(separator)).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
