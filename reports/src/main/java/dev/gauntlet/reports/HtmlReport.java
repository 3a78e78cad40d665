package dev.gauntlet.reports;

import dev.gauntlet.api.Config;
import dev.gauntlet.api.Constants;
import dev.gauntlet.api.EpisodeResult;
import dev.gauntlet.api.RunFolder;
import dev.gauntlet.api.RunInfo;
import dev.gauntlet.api.RunListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * Generates the offline HTML report at the end of a run: {@code runs/<id>/report/} (Allure's multi-file report, with
 * the history of the previous run of the same suites and agents carried on so trends show) and
 * {@code runs/<id>/report.html}, a single file that opens from disk in any browser. A missing generator or a failed
 * generation is one line on the console; the run goes on.
 */
public final class HtmlReport implements RunListener {

    @Override
    public void runFinished(RunInfo run, List<EpisodeResult> results) {
        Config config = run.config();
        if (!config.getBoolean(Constants.REPORT_HTML, Constants.REPORT_HTML_DEFAULT)) {
            return;
        }
        Path resultsDir = run.folder().allureResults();
        if (!Files.isDirectory(resultsDir)) {
            System.out.println("[gauntlet] no HTML report: " + resultsDir + " is missing");
            return;
        }
        try {
            String problem = generate(config, run.dir());
            if (!problem.isEmpty()) {
                System.out.println("[gauntlet] no HTML report: " + problem);
            }
        } catch (IOException | RuntimeException e) {
            System.out.println("[gauntlet] no HTML report: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Generates both reports of a run folder from its {@code allure-results/}; returns {@code ""} or what went wrong. */
    public static String generate(Config config, Path runDir) throws IOException, InterruptedException {
        StringBuilder why = new StringBuilder();
        Optional<AllureCommandline> allure = AllureCommandline.find(config, runDir.toAbsolutePath().getParent(), why);
        if (allure.isEmpty()) {
            return why.toString();
        }
        RunFolder folder = new RunFolder(runDir);
        Path results = folder.allureResults();
        carryHistory(folder);
        Path report = folder.report();
        String problem = allure.get().generate(results, report, false);
        if (!problem.isEmpty()) {
            return problem;
        }
        Path single = Files.createTempDirectory(runDir, ".report-single-");
        try {
            problem = allure.get().generate(results, single, true);
            if (!problem.isEmpty()) {
                return problem;
            }
            Files.move(single.resolve("index.html"), folder.reportHtml(), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            AllureCommandline.deleteTree(single);
        }
        System.out.println("[gauntlet] HTML report: " + folder.reportHtml().toAbsolutePath()
                + " (single file, opens from disk); full report: " + folder.reportIndex().toAbsolutePath());
        return "";
    }

    /** Copies the previous report's history into the results, where Allure reads it for its trend charts. */
    private static void carryHistory(RunFolder run) throws IOException {
        Path previous = AllureEnvironment.previousHistory(run.path());
        if (previous == null) {
            return;
        }
        Path target = Files.createDirectories(run.allureHistory());
        try (var files = Files.list(previous)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
