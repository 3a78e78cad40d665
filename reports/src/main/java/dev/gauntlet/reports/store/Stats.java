package dev.gauntlet.reports.store;

import java.util.ArrayList;
import java.util.List;

/** Small statistics shared by summaries, the leaderboard and run comparisons. */
public final class Stats {

    /** The two-sided 95% normal quantile. */
    public static final double Z95 = 1.959963984540054;

    private Stats() {}

    /** Returns the standard error of a proportion {@code k/n}: {@code sqrt(p(1-p)/n)}, 0 when {@code n == 0}. */
    public static double stderr(int k, int n) {
        if (n == 0) {
            return 0;
        }
        double p = (double) k / n;
        return Math.sqrt(p * (1 - p) / n);
    }

    /**
     * Returns the 95% Wilson score interval of {@code k/n} as {low, high}; {0, 1} when {@code n == 0}. Wilson rather
     * than p ± 1.96·SE because benchmark rates are often near 0 or 1, where the normal interval collapses to a point.
     */
    public static double[] wilson95(int k, int n) {
        if (n == 0) {
            return new double[] {0, 1};
        }
        double p = (double) k / n;
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /** Returns the median (mean of the middle two for an even count), or NaN for no values. */
    public static double median(List<? extends Number> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>();
        for (Number v : values) {
            sorted.add(v.doubleValue());
        }
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Returns the mean, or NaN for no values. */
    public static double mean(List<? extends Number> values) {
        double sum = 0;
        for (Number v : values) {
            sum += v.doubleValue();
        }
        return values.isEmpty() ? Double.NaN : sum / values.size();
    }

    /**
     * Returns the exact two-sided McNemar p-value for the discordant pairs {@code b} (pass→fail) and {@code c}
     * (fail→pass): twice the binomial(b+c, ½) tail at min(b, c), capped at 1. Exact, because the discordant counts
     * of a benchmark comparison are usually too small for the chi-square approximation.
     */
    public static double mcNemarExact(int b, int c) {
        int n = b + c;
        if (n == 0) {
            return 1;
        }
        int k = Math.min(b, c);
        double tail = 0;
        for (int i = 0; i <= k; i++) {
            tail += Math.exp(logChoose(n, i) - n * Math.log(2));
        }
        return Math.min(1, 2 * tail);
    }

    /** Returns McNemar's chi-square statistic with continuity correction, {@code (|b-c|-1)²/(b+c)}. */
    public static double mcNemarChiSquare(int b, int c) {
        if (b + c == 0) {
            return 0;
        }
        double d = Math.max(0, Math.abs(b - c) - 1);
        return d * d / (b + c);
    }

    private static double logChoose(int n, int k) {
        double s = 0;
        for (int i = 1; i <= k; i++) {
            s += Math.log(n - k + i) - Math.log(i);
        }
        return s;
    }
}
