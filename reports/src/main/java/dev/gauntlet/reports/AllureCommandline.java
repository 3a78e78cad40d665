package dev.gauntlet.reports;

import dev.gauntlet.api.Config;
import dev.gauntlet.api.Constants;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Allure's report generator ({@code io.qameta.allure:allure-commandline}, a zip on Maven Central), run as a separate
 * Java process. Found as {@code gauntlet.report.allureHome}, else unpacked once from the zip on the class path or in
 * the local Maven repository into {@code <runsDir>/.allure-commandline/}. Needs no network.
 */
final class AllureCommandline {

    private static final long TIMEOUT_MINUTES = 10;

    private final Path home;

    private AllureCommandline(Path home) {
        this.home = home;
    }

    /** Returns the generator, or empty with the reason written to {@code why}. */
    static Optional<AllureCommandline> find(Config config, Path runsRoot, StringBuilder why) {
        Optional<String> configured = config.get(Constants.REPORT_ALLURE_HOME);
        if (configured.isPresent()) {
            Path home = Path.of(configured.get());
            if (Files.isDirectory(home.resolve("lib"))) {
                return Optional.of(new AllureCommandline(home));
            }
            why.append("'").append(Constants.REPORT_ALLURE_HOME).append("' is ").append(home)
                    .append(", which has no lib/ folder (expected an unpacked allure-commandline)");
            return Optional.empty();
        }
        String version = RuntimeFacts.allureCommandlineVersion();
        Path unpacked = runsRoot.resolve(".allure-commandline").resolve("allure-" + version);
        if (Files.isDirectory(unpacked.resolve("lib"))) {
            return Optional.of(new AllureCommandline(unpacked));
        }
        Optional<Path> zip = zip(version);
        if (zip.isEmpty()) {
            why.append("allure-commandline ").append(version).append(" is not in the local Maven repository (")
                    .append(repository()).append("); run the build online once, or set '")
                    .append(Constants.REPORT_ALLURE_HOME).append("'");
            return Optional.empty();
        }
        try {
            unzip(zip.get(), unpacked.getParent());
        } catch (IOException e) {
            why.append("cannot unpack ").append(zip.get()).append(": ").append(e);
            return Optional.empty();
        }
        return Optional.of(new AllureCommandline(unpacked));
    }

    /** Runs {@code allure generate}; returns {@code ""} on success, else the reason (with the tool's output). */
    String generate(Path results, Path report, boolean singleFile) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(home.resolve("lib") + File.separator + "*" + File.pathSeparator + home.resolve("lib").resolve("config"));
        cmd.add("io.qameta.allure.CommandLine");
        cmd.add("generate");
        cmd.add(results.toString());
        cmd.add("-o");
        cmd.add(report.toString());
        cmd.add("--clean");
        if (singleFile) {
            cmd.add("--single-file");
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("APP_HOME", home.toString()); // where allure looks for its plugins and config
        pb.environment().put("ALLURE_NO_ANALYTICS", "1"); // the report would otherwise call an analytics host
        Path log = Files.createTempFile("allure-generate", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return "allure generate took over " + TIMEOUT_MINUTES + " minutes";
            }
            String output = Files.readString(log, StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 ? "" : "allure generate exited with " + p.exitValue() + ": " + output;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static Optional<Path> zip(String version) {
        String name = "allure-commandline-" + version + ".zip";
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (entry.endsWith(name) && Files.isRegularFile(Path.of(entry))) {
                return Optional.of(Path.of(entry));
            }
        }
        Path inRepo = repository().resolve(Path.of("io", "qameta", "allure", "allure-commandline", version, name));
        return Files.isRegularFile(inRepo) ? Optional.of(inRepo) : Optional.empty();
    }

    private static Path repository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /** Unpacks into a temporary sibling first, so concurrent runs never see half a tool. */
    private static void unzip(Path zip, Path into) throws IOException {
        Files.createDirectories(into);
        Path tmp = Files.createTempDirectory(into, ".unpack-");
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            String top = null;
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                Path target = tmp.resolve(e.getName()).normalize();
                if (!target.startsWith(tmp)) {
                    throw new IOException("zip entry outside the target: " + e.getName());
                }
                if (top == null) {
                    top = e.getName().split("/")[0];
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(z, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            if (top == null) {
                throw new IOException("empty zip");
            }
            try {
                Files.move(tmp.resolve(top), into.resolve(top), StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.isDirectory(into.resolve(top).resolve("lib"))) {
                    throw raced;
                }
            }
        } finally {
            deleteTree(tmp);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
