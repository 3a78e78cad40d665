package dev.gauntlet.agents.djl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The value head on dates: trained for real on enter-date-shaped episodes (a date in words, a format to type it in:
 * a text field whose placeholder names the format, or a {@code type=date} input, which takes YYYY-MM-DD), it types
 * the date re-rendered on held-out seeds; without date candidates it cannot.
 */
class DateValueTests {

    static final List<String> MONTHS = List.of("January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December");

    @TempDir
    Path dir;

    static Dataset.Episode enterDate(long seed) {
        Random r = new Random(seed);
        int y = 1990 + r.nextInt(40);
        int m = 1 + r.nextInt(12);
        int d = 1 + r.nextInt(28);
        boolean dateInput = r.nextInt(4) == 0;
        String format = dateInput ? "YYYY-MM-DD" : ValueCandidates.DATE_FORMATS.get(r.nextInt(3));
        String answer = ValueCandidates.render(format, new int[] {y, m, d});
        String words = MONTHS.get(m - 1) + " " + d + ", " + y;
        String instruction = dateInput ? "Enter the date \"" + words + "\" and press Submit."
                : "Enter the date \"" + words + "\" as \"" + format + "\" and press Submit.";
        Dataset.ElementRecord field = new Dataset.ElementRecord("5", "textbox", "", dateInput
                ? Map.of("tag", "input", "type", "date", "interactive", "true")
                : Map.of("tag", "input", "type", "text", "placeholder", format, "interactive", "true"));
        List<Dataset.ElementRecord> elements = List.of(field, SyntheticEpisodes.button("6", "Submit"));
        List<Dataset.StepRecord> steps = List.of(
                new Dataset.StepRecord(0, "u", elements, new Dataset.ActionRecord(Operation.FILL, "5", answer, ""), ""),
                new Dataset.StepRecord(1, "u", elements, new Dataset.ActionRecord(Operation.CLICK, "6", "", ""), ""));
        return new Dataset.Episode(Dataset.SCHEMA, "miniwob", "enter-date", seed, "gold", "replay", instruction, steps,
                "success", 1.0, "", "");
    }

    private double heldOutAccuracy(boolean dateValues) throws Exception {
        Path data = dir.resolve("dates.jsonl");
        try (DatasetFile.Writer w = new DatasetFile.Writer(data)) {
            for (long s = 0; s < 60; s++) {
                w.accept(enterDate(s));
            }
        }
        Set<Long> heldOut = Set.of(50L, 51L, 52L, 53L, 54L, 55L, 56L, 57L, 58L, 59L);
        PolicyTrainer.Hyper h = new PolicyTrainer.Hyper(150, 16, 0.02, new PolicyModel.Shape3(1024, 16, 32,
                dateValues), 0);
        ModelManifest m = new TrainCommand(new PrintStream(new ByteArrayOutputStream(), true)).run(
                new TrainCommand.Options(data, dir.resolve("model-" + dateValues), h,
                        new TrainingData.Split(heldOut, Set.of()), "cpu"));
        assertEquals(dateValues, m.hyperparameters().get("date_values"));
        return ((Number) m.metrics().get("held_out_step_accuracy")).doubleValue();
    }

    @Test
    void withDateCandidatesTheHeadTypesTheDateInTheFormatTheFieldTakes() throws Exception {
        assertTrue(heldOutAccuracy(true) >= 0.9, "fill and submit right on held-out seeds");
    }

    @Test
    void withoutThemOnlyTheSubmitStepsCanBeRight() throws Exception {
        // no candidate is the re-rendered date, so every fill step is wrong: at most the 10 submit steps of 20
        assertTrue(heldOutAccuracy(false) <= 0.5);
    }
}
