package dev.gauntlet.reports.store;

import java.nio.file.Path;

/** Thrown when a run folder cannot be read back; the message names the folder or file and what was expected. */
public final class CorruptRunException extends Exception {

    private final transient Path path;
    private final String what;

    public CorruptRunException(Path path, String what) {
        super(path + ": " + what);
        this.path = path;
        this.what = what;
    }

    /** Returns what is wrong, without the path. */
    public String what() {
        return what;
    }

    /** Returns the folder or file at fault. */
    public Path path() {
        return path;
    }
}
