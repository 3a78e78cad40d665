package dev.gauntlet.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Tells which files a generated markdown file may link to: those its readers have too. Outside a git work tree that is
 * every existing file. Inside one it is an existing file of the same work tree that git does not ignore, since the
 * file is committed and read in clones, where ignored files (the {@code runs/} folder) and files elsewhere on this
 * machine are missing. Where git cannot answer, nothing is linked.
 */
final class LinkableFiles {

    /** The work tree holding the markdown file, or null outside one. */
    private final Path workTree;

    private LinkableFiles(Path workTree) {
        this.workTree = workTree;
    }

    /** Returns what a markdown file written into {@code dir} may link to; {@code null}: a file of absolute links. */
    static LinkableFiles forFolder(Path dir) {
        if (dir == null) {
            return new LinkableFiles(null);
        }
        for (Path p = dir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return new LinkableFiles(real(p));
            }
        }
        return new LinkableFiles(null);
    }

    /** Tells whether a link to {@code target} resolves for the readers of the file. */
    boolean test(Path target) {
        if (!Files.exists(target)) {
            return false;
        }
        if (workTree == null) {
            return true;
        }
        Path file = real(target);
        return file.startsWith(workTree) && !ignored(file);
    }

    /** Asks git whether it ignores the file; also true when git cannot say (not installed, not a repository). */
    private boolean ignored(Path file) {
        try {
            Process p = new ProcessBuilder(List.of("git", "-C", workTree.toString(), "check-ignore", "-q", "--",
                    file.toString())).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return true;
            }
            return p.exitValue() != 1; // 0: ignored, 1: not ignored, 128: git failed
        } catch (IOException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
