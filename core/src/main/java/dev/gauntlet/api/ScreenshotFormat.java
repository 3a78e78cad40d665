package dev.gauntlet.api;

/** How the harness stores the screenshots it saves ({@code gauntlet.screenshots.format}). */
public enum ScreenshotFormat {
    /** Lossless, as Chromium captures it. */
    PNG,
    /** Lossy, at {@code gauntlet.screenshots.quality}: smaller files for long runs. */
    JPEG;

    /** Returns the file extension, without the dot. */
    public String extension() {
        return this == PNG ? "png" : "jpg";
    }
}
