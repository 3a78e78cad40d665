package dev.gauntlet.api;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The names in a run folder are a file format: readers of older runs depend on every one of them. */
class RunFolderTests {

    private final RunFolder run = new RunFolder(Path.of("runs", "20261121-101500-miniwob-replay"));

    @Test
    void theRunIdIsTheFolderName() {
        assertEquals("20261121-101500-miniwob-replay", run.id());
    }

    @Test
    void namesTheRunLevelFiles() {
        Path dir = run.path();
        assertEquals(dir.resolve("manifest.json"), run.manifest());
        assertEquals(dir.resolve("results.csv"), run.results());
        assertEquals(dir.resolve("summary.json"), run.summary());
        assertEquals(dir.resolve("judges.csv"), run.judgesCsv());
        assertEquals(dir.resolve("judges.json"), run.judgesJson());
        assertEquals(dir.resolve("comparison-vs-20261120-090000-miniwob-random.md"),
                run.comparison("20261120-090000-miniwob-random"));
    }

    @Test
    void namesTheReportFolders() {
        Path dir = run.path();
        assertEquals(dir.resolve("allure-results"), run.allureResults());
        assertEquals(dir.resolve("allure-results/history"), run.allureHistory());
        assertEquals(dir.resolve("report"), run.report());
        assertEquals(dir.resolve("report/index.html"), run.reportIndex());
        assertEquals(dir.resolve("report/history"), run.reportHistory());
        assertEquals(dir.resolve("report.html"), run.reportHtml());
        assertEquals(Path.of("runs", "latest"), RunFolder.latest(Path.of("runs")));
    }

    @Test
    void aTrajectoryIsNamedByTaskAndSeedWithSuiteAndAgentOnlyWhenGiven() {
        assertEquals("click-button__3.jsonl", RunFolder.trajectoryName(null, "click-button", 3, null));
        assertEquals("miniwob__click-button__3__replay.jsonl",
                RunFolder.trajectoryName("miniwob", "click-button", 3, "replay"));
        assertEquals(run.path().resolve("trajectories/12__0__llm.jsonl"), run.trajectory(null, "12", 0, "llm"));
    }

    @Test
    void aScreenshotIsNamedByItsContentHashRelativeToTheRun() {
        assertEquals("screenshots/0123456789abcdef0123456789abcdef.png",
                RunFolder.screenshotFile("0123456789abcdef0123456789abcdef", "png"));
        assertEquals(run.path().resolve("screenshots/ab.jpg"), run.resolve(RunFolder.screenshotFile("ab", "jpg")));
    }

    @Test
    void idsBecomeSafeFileNameParts() {
        assertEquals("a_b_c", RunFolder.safeName("a/b c"));
        assertEquals("llm_model_x", RunFolder.safeName("llm: model=x"));
        assertEquals("v1.2+x-y_z", RunFolder.safeName("v1.2+x-y_z"));
        assertEquals("task_1__0.jsonl", RunFolder.trajectoryName(null, "task/1", 0, null));
    }
}
