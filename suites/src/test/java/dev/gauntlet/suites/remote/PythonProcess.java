package dev.gauntlet.suites.remote;

import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@code python3} child process running a script of {@code clients/python}; skips the calling test, saying why,
 * when no {@code python3} is on the PATH. Its output is kept for failure messages.
 */
final class PythonProcess implements AutoCloseable {

    /** {@code clients/python} of the checkout: from the module folder (tests) or the root (exec:java). */
    static final Path CLIENTS = clients();

    private static Path clients() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (java.nio.file.Files.isDirectory(dir.resolve("clients").resolve("python"))) {
                return dir.resolve("clients").resolve("python");
            }
        }
        return Path.of("..", "clients", "python").toAbsolutePath().normalize();
    }

    private final Process process;
    private final List<String> output = new ArrayList<>();
    private final BufferedReader reader;

    private PythonProcess(Process process) {
        this.process = process;
        this.reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts {@code python3 args...} in {@code clients/python}, or skips the test when python3 is missing. */
    static PythonProcess start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("python3", "-u"));
        command.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(command).directory(CLIENTS.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("python3 is not on the PATH (" + e.getMessage() + "): the Python client's tests need it");
            throw e;
        }
        return new PythonProcess(p);
    }

    /** Returns the first output line starting with {@code prefix}, waiting at most 30 s. */
    String awaitLine(String prefix) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = reader.readLine()) != null; ) {
                    synchronized (output) {
                        output.add(line);
                    }
                    if (line.startsWith(prefix)) {
                        return line;
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
    }

    /** Waits for the process to exit (at most {@code seconds}) and returns all it printed. */
    String finish(int seconds) throws Exception {
        CompletableFuture<Void> drain = CompletableFuture.runAsync(() -> {
            try {
                for (String line; (line = reader.readLine()) != null; ) {
                    synchronized (output) {
                        output.add(line);
                    }
                }
            } catch (IOException ignored) {
                // the process was closed
            }
        });
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        drain.get(5, TimeUnit.SECONDS);
        return output();
    }

    int exitValue() {
        return process.exitValue();
    }

    String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
