package dev.gauntlet.reports;

import com.opencsv.CSVWriter;
import dev.gauntlet.api.EpisodeResult;
import dev.gauntlet.api.RunFolder;
import dev.gauntlet.api.RunInfo;
import dev.gauntlet.api.RunListener;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code judges.csv} and {@code judges.json} in the run folder when judges and an oracle scored the same
 * episodes ({@link JudgeAgreement}), and prints one line per judge and suite.
 */
public final class JudgeAgreementReport implements RunListener {

    /** The CSV columns, in order. */
    public static final List<String> COLUMNS = List.of("suite", "judge", "n", "tp", "fp", "fn", "tn", "unscored",
            "precision", "recall", "f1", "accuracy", "kappa", "oracle_success_rate", "judge_success_rate");

    @Override
    public void runFinished(RunInfo run, List<EpisodeResult> results) throws IOException {
        // the whole run's episodes, as its results file holds them: a resumed run's earlier invocations included
        write(run.folder(), JudgeAgreement.ofRun(run.folder(), results));
    }

    /** Writes {@code judges.csv} and {@code judges.json} into {@code folder} and prints a line per row; none if empty. */
    public static void write(RunFolder folder, List<JudgeAgreement.Row> rows) throws IOException {
        if (rows.isEmpty()) {
            return;
        }
        try (Writer w = Files.newBufferedWriter(folder.judgesCsv(), StandardCharsets.UTF_8);
             CSVWriter csv = new CSVWriter(w)) {
            csv.writeNext(COLUMNS.toArray(String[]::new), false);
            for (JudgeAgreement.Row row : rows) {
                Map<String, Object> m = row.toMap();
                csv.writeNext(COLUMNS.stream().map(c -> m.get(c) == null ? "" : String.valueOf(m.get(c)))
                        .toArray(String[]::new), false);
            }
        }
        Files.writeString(folder.judgesJson(), JudgeAgreement.toJson(rows), StandardCharsets.UTF_8);
        for (JudgeAgreement.Row r : rows) {
            System.out.println(line(r));
        }
    }

    static String line(JudgeAgreement.Row r) {
        return String.format(Locale.ROOT, "[gauntlet] judge %s on %s: %d episodes, precision %s, recall %s, F1 %s, "
                        + "accuracy %s, kappa %s (TP %d, FP %d, FN %d, TN %d; unscored %d)", r.judge(), r.suite(), r.n(),
                fmt(r.precision()), fmt(r.recall()), fmt(r.f1()), fmt(r.accuracy()), fmt(r.kappa()), r.tp(), r.fp(),
                r.fn(), r.tn(), r.unscored());
    }

    private static String fmt(double d) {
        return Double.isNaN(d) ? "n/a" : String.format(Locale.ROOT, "%.3f", d);
    }
}
