package dev.gauntlet.agents.djl;

import dev.gauntlet.api.Config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The command line of the in-process models: {@code export}, {@code train}, {@code train-orm} and {@code bench} (README, "In-process
 * models"). Run with the suites' test class path, where every suite is:
 * {@code mvn -q -pl suites -am test-compile -Ddjl.cli="export --seeds 0..49 --out target/gold.jsonl"}.
 */
public final class DjlCommand {

    private DjlCommand() {}

    public static void main(String[] argv) throws Exception {
        List<String> args = Arrays.stream(String.join(" ", argv).trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        if (args.isEmpty()) {
            System.err.println("usage: export|train|train-orm|bench [--option value ...] (see README, \"In-process models\")");
            System.exit(2);
        }
        try {
            run(args.get(0), args.subList(1, args.size()));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    static void run(String command, List<String> rest) throws Exception {
        Config config = Config.from(k -> Optional.ofNullable(System.getProperty(k)));
        switch (command) {
            case "export" -> {
                CommandArgs a = new CommandArgs(command, rest, Set.of("out", "suite", "tasks", "seeds", "runs",
                        "maxSteps", "tags"));
                String seeds = a.text("seeds", "");
                new ExportCommand(config, System.out).run(new ExportCommand.Options(
                        a.path("out", null), a.text("suite", "miniwob"),
                        a.all("tasks").stream().flatMap(t -> Arrays.stream(t.split(","))).toList(),
                        seeds.isEmpty() ? List.of() : SeedRange.parse("--seeds", seeds).seeds(),
                        a.all("runs").stream().map(Path::of).toList(), a.integer("maxSteps", 10, 1),
                        a.all("tags").stream().flatMap(t -> Arrays.stream(t.split(","))).toList()));
            }
            case "train" -> {
                CommandArgs a = new CommandArgs(command, rest, Set.of("data", "out", "steps", "batch", "lr", "buckets",
                        "hidden", "mlp", "seed", "heldOutSeeds", "heldOutTasks", "device", "dateValues"));
                PolicyTrainer.Hyper h = new PolicyTrainer.Hyper(a.integer("steps", 1000, 1), a.integer("batch", 32, 1),
                        a.decimal("lr", 0.01), new PolicyModel.Shape3(a.integer("buckets", 4096, 2),
                        a.integer("hidden", 32, 1), a.integer("mlp", 64, 1), a.bool("dateValues", true)),
                        a.integer("seed", 0, 0));
                new TrainCommand(System.out).run(new TrainCommand.Options(a.path("data", null), a.path("out", null), h,
                        TrainCommand.split(a.text("heldOutSeeds", ""), a.text("heldOutTasks", "")),
                        a.text("device", config.get("gauntlet.device", "auto"))));
            }
            case "train-orm" -> {
                CommandArgs a = new CommandArgs(command, rest, Set.of("data", "out", "steps", "batch", "lr", "buckets",
                        "hidden", "seed", "heldOutSeeds", "heldOutTasks", "device"));
                new TrainOrmCommand(System.out).run(new TrainOrmCommand.Options(a.path("data", null),
                        a.path("out", null), a.integer("steps", 600, 1), a.integer("batch", 32, 1),
                        a.decimal("lr", 0.01), a.integer("buckets", 4096, 2), a.integer("hidden", 32, 1),
                        a.integer("seed", 0, 0), TrainCommand.split(a.text("heldOutSeeds", ""),
                        a.text("heldOutTasks", "")), a.text("device", config.get("gauntlet.device", "auto"))));
            }
            case "bench" -> {
                CommandArgs a = new CommandArgs(command, rest, Set.of("data", "model", "device", "decisions",
                        "maxBatch", "maxWaitMs", "trainSteps"));
                new BenchCommand(System.out).run(a.path("data", null), a.path("model", null),
                        a.text("device", config.get("gauntlet.device", "auto")), a.integer("decisions", 2000, 1),
                        a.integer("maxBatch", 8, 1), a.decimal("maxWaitMs", 1), a.integer("trainSteps", 1000, 0));
            }
            default -> throw new IllegalArgumentException("unknown command '" + command
                    + "'; commands: export, train, bench");
        }
    }
}
