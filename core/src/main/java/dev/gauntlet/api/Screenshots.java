package dev.gauntlet.api;

/** When the harness saves what the agent saw ({@code gauntlet.screenshots}). */
public enum Screenshots {
    /** Before every step, plus the final page. */
    STEPS,
    /** The final page only. */
    FINAL,
    /** None. */
    NONE
}
