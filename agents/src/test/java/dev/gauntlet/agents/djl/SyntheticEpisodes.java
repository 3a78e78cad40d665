package dev.gauntlet.agents.djl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes small dataset files in the export's schema, shaped as the built-in MiniWoB tasks' gold episodes: a
 * button to click by its quoted label, and a login form whose two fields take the instruction's two quoted values.
 */
final class SyntheticEpisodes {

    static final List<String> WORDS = List.of("apple", "river", "stone", "cloud", "maple", "tiger", "piano", "lemon",
            "ocean", "pixel", "amber", "comet", "delta", "ember", "frost", "grove", "harbor", "ivory", "jolly",
            "kayak", "lunar", "mango", "noble", "orbit", "pearl", "quartz", "raven", "sable", "tulip", "umber");

    private SyntheticEpisodes() {}

    static Dataset.ElementRecord button(String id, String text) {
        return new Dataset.ElementRecord(id, "button", text, Map.of("tag", "button", "interactive", "true"));
    }

    static Dataset.ElementRecord field(String id, String label) {
        return new Dataset.ElementRecord(id, "textbox", label, Map.of("tag", "input", "type", "text",
                "interactive", "true"));
    }

    static Dataset.Episode clickButton(long seed, List<String> words) {
        Random r = new Random(seed);
        List<String> pool = new ArrayList<>(words);
        java.util.Collections.shuffle(pool, r);
        List<Dataset.ElementRecord> elements = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            elements.add(button(String.valueOf(10 + i), pool.get(i)));
        }
        int target = r.nextInt(4);
        String instruction = "Click on the \"" + pool.get(target) + "\" button.";
        Dataset.StepRecord step = new Dataset.StepRecord(0, "http://localhost/click-button.html", elements,
                new Dataset.ActionRecord(Operation.CLICK, elements.get(target).id(), "", "click('x')"), "");
        return new Dataset.Episode(Dataset.SCHEMA, "miniwob", "click-button", seed, "gold", "replay", instruction,
                List.of(step), "success", 1.0, "", "");
    }

    static Dataset.Episode login(long seed) {
        Random r = new Random(seed);
        String user = WORDS.get(r.nextInt(WORDS.size())) + r.nextInt(100);
        String pass = WORDS.get(r.nextInt(WORDS.size())) + r.nextInt(1000);
        String instruction = "Log in with username \"" + user + "\" and password \"" + pass + "\".";
        List<Dataset.ElementRecord> elements = List.of(field("1", "Username"), field("2", "Password"),
                button("3", "Login"));
        List<Dataset.StepRecord> steps = List.of(
                new Dataset.StepRecord(0, "u", elements, new Dataset.ActionRecord(Operation.FILL, "1", user, ""), ""),
                new Dataset.StepRecord(1, "u", elements, new Dataset.ActionRecord(Operation.FILL, "2", pass, ""), ""),
                new Dataset.StepRecord(2, "u", elements, new Dataset.ActionRecord(Operation.CLICK, "3", "", ""), ""));
        return new Dataset.Episode(Dataset.SCHEMA, "miniwob", "login-user", seed, "gold", "replay", instruction,
                steps, "success", 1.0, "", "");
    }

    /** Writes {@code seeds} episodes of each task. */
    static Path write(Path file, int seeds) throws IOException {
        try (DatasetFile.Writer w = new DatasetFile.Writer(file)) {
            for (long s = 0; s < seeds; s++) {
                w.accept(clickButton(s, WORDS));
                w.accept(login(s));
            }
        }
        return file;
    }

    static PolicyTrainer.Hyper tiny(int steps, long seed) {
        return new PolicyTrainer.Hyper(steps, 16, 0.02, new PolicyModel.Shape3(1024, 16, 32), seed);
    }
}
