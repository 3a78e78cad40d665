package dev.gauntlet.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose selection (by Maven Failsafe, or "Run" in an IDE) runs the configured benchmark on the
 * Gauntlet engine. The class needs no body; the configuration ({@code -Dsuite=}, {@code -Dagent=}, ...) says what runs.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface GauntletBenchmark {}
