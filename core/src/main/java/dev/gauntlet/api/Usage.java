package dev.gauntlet.api;

/** Tokens and money spent by a model (agent or judge). */
public record Usage(long tokensIn, long tokensOut, double costUsd) {

    public static final Usage NONE = new Usage(0, 0, 0);

    public Usage plus(Usage other) {
        return new Usage(tokensIn + other.tokensIn, tokensOut + other.tokensOut, costUsd + other.costUsd);
    }
}
