package dev.gauntlet.reports;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The leaderboard.md committed at the repository root links only to files that a fresh clone has. */
class CommittedLeaderboardTests {

    @Test
    void everyLinkOfTheCommittedLeaderboardPointsAtAFileInTheRepository() throws Exception {
        Path root = repositoryRoot();
        Path board = root.resolve("leaderboard.md");
        assertTrue(Files.isRegularFile(board), board + " is missing");
        boolean git = Files.exists(root.resolve(".git")) && git(root, "rev-parse", "--is-inside-work-tree") == 0;
        for (String link : MarkdownLinks.paths(Files.readString(board))) {
            assertFalse(link.startsWith("/"), "an absolute path exists on one machine only: " + link);
            Path target = root.resolve(link.replace("%20", " ")).normalize();
            assertTrue(target.startsWith(root), "outside the repository: " + link);
            assertTrue(Files.exists(target), "no such file: " + link);
            if (git) {
                assertTrue(git(root, "ls-files", "--error-unmatch", "--", root.relativize(target).toString()) == 0,
                        "not committed (a clone lacks it): " + link);
            }
        }
    }

    /** The folder above this module that holds the parent pom and the leaderboard (tests run in reports/). */
    private static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("reports"))) {
                return p;
            }
        }
        throw new AssertionError("no repository root above " + Path.of("").toAbsolutePath());
    }

    private static int git(Path dir, String... args) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor();
        } catch (IOException e) {
            return -1; // no git here
        }
    }
}
