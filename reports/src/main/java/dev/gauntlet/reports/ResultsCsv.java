package dev.gauntlet.reports;

import com.opencsv.CSVWriter;
import dev.gauntlet.api.Constants;
import dev.gauntlet.api.EpisodeResult;
import dev.gauntlet.api.RunInfo;
import dev.gauntlet.api.RunListener;
import dev.gauntlet.reports.store.ResultRow;
import dev.gauntlet.reports.store.StoredRun;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code results.csv}: one row per task × seed (× agent), appended, flushed and synced to disk as each episode
 * ends, so a killed run keeps everything it finished. Columns: {@link ResultRow#COLUMNS}, then one
 * {@code judge:<name>} column per configured judge. The file is append-only: a resumed run appends to it, and an
 * episode that runs again (a broken one retried, or one whose end the engine's journal missed when killed) gets a
 * second row; readers take the last row of each task × seed × agent ({@link StoredRun#lastPerEpisode}).
 */
public final class ResultsCsv implements RunListener {

    private FileOutputStream file;
    private CSVWriter csv;
    private List<String> header;

    @Override
    public synchronized void runStarted(RunInfo run) throws IOException {
        // a judge's column is its name, without its arguments (learned-orm:model=DIR)
        List<String> judges = new ArrayList<>(dev.gauntlet.api.JudgeSpec.names(run.config().get(Constants.JUDGE, "")));
        header = ResultRow.header(judges);
        Path path = run.folder().results();
        file = new FileOutputStream(path.toFile(), true);
        csv = new CSVWriter(new OutputStreamWriter(file, StandardCharsets.UTF_8));
        if (path.toFile().length() == 0) {
            csv.writeNext(header.toArray(String[]::new), false);
            sync();
        }
    }

    @Override
    public synchronized void episodeFinished(RunInfo run, EpisodeResult r) throws IOException {
        csv.writeNext(ResultRow.of(r).toCsv(header), false);
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
}
