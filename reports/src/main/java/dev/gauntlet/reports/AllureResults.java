package dev.gauntlet.reports;

import dev.gauntlet.api.EpisodeResult;
import dev.gauntlet.api.RunInfo;
import dev.gauntlet.api.RunListener;
import dev.gauntlet.api.Step;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Verdict;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Writes Allure results to {@code runs/<id>/allure-results/}: one test result per episode, one Allure step per agent
 * step with its screenshot and observation text attached, and the verdict as the status message.
 */
public final class AllureResults implements RunListener {

    private FileSystemResultsWriter writer;
    private Path dir;

    @Override
    public synchronized void runStarted(RunInfo run) throws IOException {
        dir = Files.createDirectories(run.dir().resolve("allure-results"));
        writer = new FileSystemResultsWriter(dir);
    }

    @Override
    public synchronized void episodeFinished(RunInfo run, EpisodeResult r) throws IOException {
        TestResult test = new TestResult()
                .setUuid(UUID.randomUUID().toString())
                .setHistoryId(md5(r.task().qualifiedId() + "|" + r.seed() + "|" + r.agent()))
                .setTestCaseId(md5(r.task().qualifiedId()))
                .setName(r.task().id() + " [seed " + r.seed() + "]")
                .setFullName(r.task().qualifiedId() + "#" + r.seed())
                .setStatus(status(r.status()))
                .setStage(Stage.FINISHED)
                .setStatusDetails(new StatusDetails().setMessage(r.message()));
        test.getLabels().add(new Label().setName("epic").setValue(r.task().suite()));
        test.getLabels().add(new Label().setName("suite").setValue(r.task().suite()));
        test.getLabels().add(new Label().setName("feature").setValue(feature(r)));
        for (String tag : r.task().tags()) {
            test.getLabels().add(new Label().setName("tag").setValue(tag));
        }
        test.getParameters().add(new Parameter().setName("agent").setValue(r.agent()));
        test.getParameters().add(new Parameter().setName("seed").setValue(Long.toString(r.seed())));
        long end = System.currentTimeMillis();
        test.setStart(end - r.durationMillis()).setStop(end);
        if (!r.task().instruction().isEmpty()) {
            test.setDescription(r.task().instruction());
        }
        Trajectory t = r.trajectory();
        if (t != null) {
            long at = test.getStart();
            for (Step s : t.steps()) {
                StepResult step = new StepResult()
                        .setName((s.index() + 1) + ". " + s.action())
                        .setStatus(s.error().isEmpty() ? Status.PASSED : Status.BROKEN)
                        .setStage(Stage.FINISHED)
                        .setStart(at).setStop(at += s.agentMillis() + s.actMillis() + s.observeMillis());
                if (!s.error().isEmpty()) {
                    step.setStatusDetails(new StatusDetails().setMessage(s.error()));
                }
                attachFile(run, step.getAttachments(), "screenshot", s.screenshot());
                attachText(step.getAttachments(), "observation", s.url() + "\n\n" + s.observationText());
                test.getSteps().add(step);
            }
            attachFile(run, test.getAttachments(), "final screenshot", t.finalScreenshot());
            if (!t.answer().isEmpty()) {
                attachText(test.getAttachments(), "answer", t.answer());
            }
        }
        StringBuilder verdicts = new StringBuilder();
        for (Verdict v : r.verdicts()) {
            verdicts.append(v.evaluator()).append(": ").append(v.outcome()).append(" (score ")
                    .append(v.score()).append(") ").append(v.explanation()).append('\n');
        }
        if (verdicts.length() > 0) {
            attachText(test.getAttachments(), "verdicts", verdicts.toString());
        }
        writer.write(test);
    }

    private static String feature(EpisodeResult r) {
        for (String tag : r.task().tags()) {
            if (tag.startsWith("site:") || tag.startsWith("category:")) {
                return tag.substring(tag.indexOf(':') + 1);
            }
        }
        return r.task().suite();
    }

    private void attachFile(RunInfo run, List<Attachment> into, String name, String relative) throws IOException {
        if (relative == null || relative.isEmpty()) {
            return;
        }
        Path file = run.dir().resolve(relative);
        if (!Files.exists(file)) {
            return;
        }
        String source = UUID.randomUUID() + "-attachment.png";
        Files.copy(file, dir.resolve(source));
        into.add(new Attachment().setName(name).setType("image/png").setSource(source));
    }

    private void attachText(List<Attachment> into, String name, String text) {
        String source = UUID.randomUUID() + "-attachment.txt";
        writer.write(source, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        into.add(new Attachment().setName(name).setType("text/plain").setSource(source));
    }

    private static Status status(EpisodeResult.Status s) {
        return switch (s) {
            case PASSED -> Status.PASSED;
            case FAILED -> Status.FAILED;
            case BROKEN -> Status.BROKEN;
            case SKIPPED -> Status.SKIPPED;
        };
    }

    static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
