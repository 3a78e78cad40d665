package dev.gauntlet.api;

/** Where in-process models run ({@code gauntlet.device}). */
public enum ModelDevice {
    /** The first GPU when the model runtime sees one, else the CPU. */
    AUTO,
    /** The CPU. */
    CPU,
    /** The first GPU; an error when there is none. */
    GPU
}
