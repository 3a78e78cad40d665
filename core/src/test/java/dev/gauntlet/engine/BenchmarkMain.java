package dev.gauntlet.engine;

import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the engine tests' benchmark through the JUnit launcher, as {@code mvn verify} would, configured by system
 * properties ({@code -Dgauntlet.suite=counter ...}): tests start it in a child JVM to kill it mid-run or to run it as
 * one task of a simulated cluster array.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {}

    public static void main(String[] args) {
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(Benchmark.class)).build());
    }
}
