package dev.gauntlet.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What a run folder's record takes on disk: everything but the HTML report generated from it ({@code report/},
 * {@code report.html}), with the screenshots apart, so the console and {@code summary.json} give the same figure.
 *
 * @param bytes            bytes of every file of the record
 * @param screenshotFiles  distinct screenshot files (each image is stored once)
 * @param screenshotBytes  bytes of those files
 */
public record RunSize(long bytes, long screenshotFiles, long screenshotBytes) {

    /** Measures {@code folder}; a folder that is not there measures zero. */
    public static RunSize of(RunFolder folder) {
        Path root = folder.path();
        if (!Files.isDirectory(root)) {
            return new RunSize(0, 0, 0);
        }
        Path report = folder.report();
        Path html = folder.reportHtml();
        Path shots = root.resolve(RunFolder.SCREENSHOTS);
        long[] sum = new long[3];
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> !p.startsWith(report) && !p.equals(html) && Files.isRegularFile(p)).forEach(p -> {
                long size = sizeOf(p);
                sum[0] += size;
                if (p.startsWith(shots)) {
                    sum[1]++;
                    sum[2] += size;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RunSize(sum[0], sum[1], sum[2]);
    }

    /** Returns the bytes per episode, or 0 without episodes. */
    public long perEpisode(long episodes) {
        return episodes == 0 ? 0 : bytes / episodes;
    }

    /** One line for the console: {@code trace 1.2 MB, 41 KB per episode (35 distinct screenshots, 0.9 MB)}. */
    public String describe(long episodes) {
        return "trace " + human(bytes) + ", " + human(perEpisode(episodes)) + " per episode (" + screenshotFiles
                + " distinct screenshots, " + human(screenshotBytes) + ")";
    }

    private static String human(long bytes) {
        return bytes >= 1 << 20 ? String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1048576.0)
                : String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0; // a file removed while we walk (a report writer's temporary file) adds nothing
        }
    }
}
