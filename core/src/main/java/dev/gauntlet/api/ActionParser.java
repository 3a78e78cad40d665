package dev.gauntlet.api;

/** Turns a model's text in one native action grammar into an {@link Action}; never throws. */
@FunctionalInterface
public interface ActionParser {

    /** Returns the parsed action, or an {@link Action.Invalid} naming what was wrong. */
    Action parse(String text);
}
