package dev.gauntlet.suites.webarena;

/** Thrown when a check needs an LLM judge (fuzzy_match) and none is configured. */
final class NeedsJudgeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    NeedsJudgeException(String what) {
        super(what);
    }
}
