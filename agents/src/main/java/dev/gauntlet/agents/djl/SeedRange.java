package dev.gauntlet.agents.djl;

import java.util.ArrayList;
import java.util.List;

/** Seeds as the commands take them: a count {@code n} (0..n-1), a range {@code a..b} or a list {@code 3,7,11}. */
record SeedRange(List<Long> seeds) {

    static SeedRange parse(String option, String text) {
        try {
            List<Long> seeds = new ArrayList<>();
            if (text.contains("..")) {
                String[] ab = text.split("\\.\\.", 2);
                long a = Long.parseLong(ab[0].trim());
                long b = Long.parseLong(ab[1].trim());
                if (b < a) {
                    throw new NumberFormatException();
                }
                for (long s = a; s <= b; s++) {
                    seeds.add(s);
                }
            } else if (text.contains(",")) {
                for (String s : text.split(",")) {
                    seeds.add(Long.parseLong(s.trim()));
                }
            } else {
                long n = Long.parseLong(text.trim());
                for (long s = 0; s < n; s++) {
                    seeds.add(s);
                }
            }
            return new SeedRange(List.copyOf(seeds));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + option + " is '" + text
                    + "' but must be a count n, a range a..b or a list 3,7,11");
        }
    }
}
