package dev.gauntlet.suites.webvoyager;

/**
 * A WebVoyager reference answer.
 *
 * @param type   {@code golden} (the one right answer) or {@code possible} (one of many)
 * @param answer the answer text
 */
public record ReferenceAnswer(Type type, String answer) {

    /** WebVoyager's two kinds of reference answer. */
    public enum Type { GOLDEN, POSSIBLE }
}
