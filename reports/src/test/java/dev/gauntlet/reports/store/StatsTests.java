package dev.gauntlet.reports.store;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StatsTests {

    /** 10 pass→fail, 2 fail→pass: p = 2·(C(12,0) + C(12,1) + C(12,2)) / 2¹² = 2·79/4096. */
    @Test
    void mcNemarExactMatchesTheBinomialTailComputedByHand() {
        assertEquals(158.0 / 4096, Stats.mcNemarExact(10, 2), 1e-12);
        assertEquals(158.0 / 4096, Stats.mcNemarExact(2, 10), 1e-12);
        assertEquals(1.0, Stats.mcNemarExact(3, 3), 1e-12);
        assertEquals(1.0, Stats.mcNemarExact(0, 0), 1e-12);
        // (|10 − 2| − 1)² / 12
        assertEquals(49.0 / 12, Stats.mcNemarChiSquare(10, 2), 1e-12);
    }

    @Test
    void wilsonIntervalStaysInsideZeroAndOneAtTheEdges() {
        double[] all = Stats.wilson95(5, 5);
        assertEquals(1.0, all[1], 1e-12);
        // 5 / (5 + z²)
        assertEquals(5 / (5 + Stats.Z95 * Stats.Z95), all[0], 1e-12);
        assertEquals(0.0, Stats.stderr(5, 5), 1e-12);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, Stats.median(List.of(4, 1, 3, 2)), 1e-12);
        assertEquals(3.0, Stats.median(List.of(5, 3, 1)), 1e-12);
    }
}
