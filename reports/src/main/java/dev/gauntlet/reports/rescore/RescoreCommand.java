package dev.gauntlet.reports.rescore;

import dev.gauntlet.api.Config;
import dev.gauntlet.reports.store.StoredRun;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code rescore RUN [--judge NAME,...]}: scores a stored run again (see {@link Rescore}). The run's recorded
 * configuration is read beneath the environment and system properties, so {@code -Dllm.base_url=} or
 * {@code -Dwebarena.config=} may change what scores it. Runs with every suite and judge on the class path.
 */
public final class RescoreCommand {

    private RescoreCommand() {}

    public static void main(String[] args) throws Exception {
        List<String> a = new ArrayList<>(List.of(args));
        if (a.isEmpty() || a.get(0).startsWith("--")) {
            System.err.println("usage: rescore RUN [--judge NAME,...]");
            System.exit(2);
        }
        Path dir = Path.of(a.remove(0));
        List<String> judges = List.of();
        if (a.size() == 2 && a.get(0).equals("--judge")) {
            judges = dev.gauntlet.api.JudgeSpec.split(a.get(1)); // name or name:key=value,... as -Djudge=
        } else if (!a.isEmpty()) {
            System.err.println("usage: rescore RUN [--judge NAME,...]");
            System.exit(2);
        }
        Map<String, String> recorded = Rescore.manifestConfig(StoredRun.read(dir).manifest());
        Config config = Config.from(k -> Optional.ofNullable(recorded.get(k)));
        new Rescore(config, judges).run(dir, System.out);
    }
}
