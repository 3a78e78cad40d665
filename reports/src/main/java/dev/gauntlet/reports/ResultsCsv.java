package dev.gauntlet.reports;

import com.opencsv.CSVWriter;
import dev.gauntlet.api.EpisodeResult;
import dev.gauntlet.api.RunInfo;
import dev.gauntlet.api.RunListener;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code results.csv}: one row per task × seed (× agent), appended, flushed and synced to disk as each episode
 * ends, so a killed run keeps everything it finished.
 */
public final class ResultsCsv implements RunListener {

    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of("suite", "task", "seed", "agent", "status", "success", "reward",
            "steps", "duration_ms");

    private FileOutputStream file;
    private CSVWriter csv;

    @Override
    public synchronized void runStarted(RunInfo run) throws IOException {
        Path path = run.dir().resolve("results.csv");
        file = new FileOutputStream(path.toFile(), true);
        csv = new CSVWriter(new OutputStreamWriter(file, StandardCharsets.UTF_8));
        if (path.toFile().length() == 0) {
            csv.writeNext(COLUMNS.toArray(String[]::new), false);
            sync();
        }
    }

    @Override
    public synchronized void episodeFinished(RunInfo run, EpisodeResult r) throws IOException {
        csv.writeNext(new String[] {
                r.task().suite(), r.task().id(), Long.toString(r.seed()), r.agent(), r.status().label(),
                Boolean.toString(r.success()), number(r.score()), Integer.toString(r.steps()),
                Long.toString(r.durationMillis())}, false);
        sync();
    }

    @Override
    public synchronized void runFinished(RunInfo run, List<EpisodeResult> results) throws IOException {
        if (csv != null) {
            csv.close();
            csv = null;
        }
    }

    private void sync() throws IOException {
        csv.flush();
        file.getFD().sync();
    }

    static String number(double d) {
        return Double.isNaN(d) ? "" : String.format(Locale.ROOT, "%.4f", d).replaceAll("0+$", "").replaceAll("\\.$", ".0");
    }
}
