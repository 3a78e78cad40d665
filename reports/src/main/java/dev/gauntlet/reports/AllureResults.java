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
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes Allure results to {@code runs/<id>/allure-results/}: one test result per task × seed labelled epic = suite,
 * feature = site or category, story = template, with the tags; agent and seed as parameters; one Allure step per
 * agent step with its screenshot and observation text attached (and, as parameters, the oracle's own numbers for that
 * step when its evidence has a {@code "steps"} list: Mind2Web's gold, choice and three numbers); one step per verdict with its explanation and
 * evidence. Passed, failed (the agent did not succeed), broken (harness or site error) and skipped (environment not
 * available) map to Allure's statuses of the same names; blocked (the site refused the browser) is skipped with the
 * tag {@code blocked}; all grouped by cause ({@link AllureCategories}). At the end, the environment and executor files.
 */
public final class AllureResults implements RunListener {

    /** A screenshot file named by its content hash, as the engine saves them. */
    private static final java.util.regex.Pattern CONTENT_NAMED = java.util.regex.Pattern.compile("[0-9a-f]{32}\\.(png|jpg)");

    private FileSystemResultsWriter writer;
    private Path dir;

    @Override
    public synchronized void runStarted(RunInfo run) throws IOException {
        dir = Files.createDirectories(run.folder().allureResults());
        writer = new FileSystemResultsWriter(dir);
        AllureCategories.write(dir);
    }

    @Override
    public synchronized void episodeFinished(RunInfo run, EpisodeResult r) throws IOException {
        TestResult test = new TestResult()
                .setUuid(UUID.randomUUID().toString())
                .setHistoryId(md5(r.task().qualifiedId() + "|" + r.seed() + "|" + r.agent()))
                .setTestCaseId(md5(r.task().qualifiedId()))
                .setName(r.task().id() + " [seed " + r.seed() + "]")
                .setFullName(r.task().qualifiedId() + "#" + r.seed() + "@" + r.agent())
                .setStatus(status(r.status()))
                .setStage(Stage.FINISHED)
                .setStatusDetails(details(r));
        labels(test.getLabels(), r);
        test.getParameters().add(new Parameter().setName("agent").setValue(r.agent()));
        test.getParameters().add(new Parameter().setName("seed").setValue(Long.toString(r.seed())));
        long end = System.currentTimeMillis();
        test.setStart(end - r.durationMillis()).setStop(end);
        String instruction = r.trajectory() == null ? r.task().instruction() : r.trajectory().instruction();
        if (!instruction.isEmpty()) {
            test.setDescription(instruction);
        }
        Trajectory t = r.trajectory();
        long at = test.getStart();
        if (t != null) {
            List<?> perStep = r.oracle().map(v -> v.evidence().get("steps")).filter(List.class::isInstance)
                    .map(List.class::cast).orElse(List.of());
            for (Step s : t.steps()) {
                StepResult step = new StepResult()
                        .setName((s.index() + 1) + ". " + s.action())
                        .setStatus(s.error().isEmpty() ? Status.PASSED : Status.BROKEN)
                        .setStage(Stage.FINISHED)
                        .setStart(at).setStop(at += s.agentMillis() + s.actMillis() + s.observeMillis());
                step.getParameters().add(new Parameter().setName("url").setValue(s.url()));
                // an oracle that scores each step (Mind2Web) gives its numbers as evidence "steps", one map per step
                if (s.index() < perStep.size() && perStep.get(s.index()) instanceof Map<?, ?> scored) {
                    scored.forEach((k, v) -> step.getParameters().add(new Parameter().setName(String.valueOf(k))
                            .setValue(String.valueOf(v))));
                }
                if (!s.error().isEmpty()) {
                    step.setStatusDetails(new StatusDetails().setMessage(s.error()));
                }
                attachFile(run, step.getAttachments(), "screenshot", s.screenshot());
                attachText(step.getAttachments(), "observation", "text/plain",
                        s.url() + "\n" + s.title() + "\n\n" + s.observationText());
                if (!s.reasoning().isEmpty()) {
                    attachText(step.getAttachments(), "reasoning", "text/plain", s.reasoning());
                }
                test.getSteps().add(step);
            }
            attachFile(run, test.getAttachments(), "final screenshot", t.finalScreenshot());
            if (!t.answer().isEmpty()) {
                attachText(test.getAttachments(), "answer", "text/plain", t.answer());
            }
        }
        for (Map.Entry<String, Verdict> labelled : dev.gauntlet.reports.store.ResultRow.labelled(r).entrySet()) {
            Verdict v = labelled.getValue();
            StepResult step = new StepResult()
                    .setName("verdict " + labelled.getKey() + ": " + v.outcome().name().toLowerCase(Locale.ROOT)
                            + (Double.isNaN(v.score()) ? "" : " (score " + dev.gauntlet.reports.store.ResultRow.number(v.score()) + ")"))
                    .setStatus(v.outcome() == Verdict.Outcome.SUCCESS ? Status.PASSED
                            : v.outcome() == Verdict.Outcome.FAILURE ? Status.FAILED : Status.SKIPPED)
                    .setStage(Stage.FINISHED).setStart(at).setStop(at)
                    .setStatusDetails(new StatusDetails().setMessage(v.explanation()));
            attachText(step.getAttachments(), "evidence", "application/json",
                    Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(new TreeMap<>(v.evidence())));
            test.getSteps().add(step);
        }
        writer.write(test);
    }

    @Override
    public synchronized void runFinished(RunInfo run, List<EpisodeResult> results) throws IOException {
        if (dir != null) {
            AllureEnvironment.write(run, dir, JudgeAgreement.ofRun(run.folder(), results));
        }
    }

    private static StatusDetails details(EpisodeResult r) {
        StatusDetails d = new StatusDetails().setMessage(r.message());
        if (r.error() != null) {
            StringWriter trace = new StringWriter();
            r.error().printStackTrace(new PrintWriter(trace));
            d.setTrace(trace.toString());
        }
        return d;
    }

    private static void labels(List<Label> labels, EpisodeResult r) {
        labels.add(label("epic", r.task().suite()));
        labels.add(label("parentSuite", r.task().suite()));
        labels.add(label("suite", r.agent()));
        labels.add(label("feature", feature(r)));
        String story = story(r);
        if (story != null) {
            labels.add(label("story", story));
        }
        for (String tag : new java.util.TreeSet<>(r.task().tags())) {
            labels.add(label("tag", tag));
        }
        if (r.status() == EpisodeResult.Status.BLOCKED) {
            labels.add(label("tag", "blocked"));
        }
        labels.add(label("framework", "gauntlet"));
    }

    private static Label label(String name, String value) {
        return new Label().setName(name).setValue(value);
    }

    private static String feature(EpisodeResult r) {
        for (String prefix : List.of("site:", "category:")) {
            for (String tag : new java.util.TreeSet<>(r.task().tags())) {
                if (tag.startsWith(prefix)) {
                    return tag.substring(prefix.length());
                }
            }
        }
        return r.task().suite();
    }

    private static String story(EpisodeResult r) {
        Map<String, Object> meta = r.task().metadata();
        for (String key : List.of("template", "template_id", "intent_template_id")) {
            if (meta.get(key) != null) {
                return String.valueOf(meta.get(key));
            }
        }
        for (String tag : new java.util.TreeSet<>(r.task().tags())) {
            if (tag.startsWith("template:")) {
                return tag.substring("template:".length());
            }
        }
        return null;
    }

    private void attachFile(RunInfo run, List<Attachment> into, String name, String relative) throws IOException {
        if (relative == null || relative.isEmpty()) {
            return;
        }
        Path file = run.folder().resolve(relative);
        if (!Files.exists(file)) {
            return;
        }
        String fileName = file.getFileName().toString();
        boolean jpeg = fileName.endsWith(".jpg");
        // a screenshot named by its content hash is copied once and shared by every step that saw it; a file of
        // the older step-NN.png layout (a resumed run's) gets an attachment of its own
        String source = (CONTENT_NAMED.matcher(fileName).matches() ? fileName.substring(0, fileName.indexOf('.'))
                : UUID.randomUUID().toString()) + "-attachment" + (jpeg ? ".jpg" : ".png");
        Path target = dir.resolve(source);
        if (!Files.exists(target)) {
            Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        String type = jpeg ? "image/jpeg" : "image/png";
        into.add(new Attachment().setName(name).setType(type).setSource(source));
    }

    private void attachText(List<Attachment> into, String name, String type, String text) {
        String source = UUID.randomUUID() + "-attachment" + (type.equals("application/json") ? ".json" : ".txt");
        writer.write(source, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        into.add(new Attachment().setName(name).setType(type).setSource(source));
    }

    private static Status status(EpisodeResult.Status s) {
        return switch (s) {
            case PASSED -> Status.PASSED;
            case FAILED -> Status.FAILED;
            case BROKEN -> Status.BROKEN;
            case SKIPPED -> Status.SKIPPED;
            case BLOCKED -> Status.SKIPPED; // Allure has no such status: skipped, with the tag and category "blocked"
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
