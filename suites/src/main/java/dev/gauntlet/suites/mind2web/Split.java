package dev.gauntlet.suites.mind2web;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The dataset's splits, named as its folders are: {@code train} and the three test sets. */
enum Split {
    TRAIN, TEST_TASK, TEST_WEBSITE, TEST_DOMAIN;

    /** Returns the tag value and folder name ({@code test_task}). */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the split a file's own name or its folder's name says, if any ({@code test_website/x.json}). */
    static Optional<Split> of(Path file) {
        // the file's own name, then its folder's (train/train_0.json); folders further up say nothing
        Path p = file;
        for (int level = 0; level < 2 && p != null && p.getFileName() != null; level++, p = p.getParent()) {
            String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
            // the longest names first: "test_website" must not read as "train" or "test"
            for (Split s : new Split[] {TEST_WEBSITE, TEST_DOMAIN, TEST_TASK, TRAIN}) {
                if (name.equals(s.label()) || name.startsWith(s.label() + "_") || name.startsWith(s.label() + ".")) {
                    return Optional.of(s);
                }
            }
        }
        return Optional.empty();
    }
}
