package dev.gauntlet.engine;

import dev.gauntlet.api.ConfigException;
import dev.gauntlet.api.Constants;

import java.util.ArrayList;
import java.util.List;

/** Parses {@code -Dseeds=}: a count {@code 5} (seeds 0..4), a list {@code 3,7,11}, or ranges {@code 10..14}. */
final class SeedSpec {

    private SeedSpec() {}

    static List<Long> parse(String text) {
        String t = text.trim();
        try {
            if (t.matches("\\d+")) {
                long n = Long.parseLong(t);
                if (n < 1) {
                    throw new ConfigException(Constants.SEEDS, text, "a count of at least 1, a list (3,7) or a range (10..14)");
                }
                List<Long> out = new ArrayList<>();
                for (long i = 0; i < n; i++) {
                    out.add(i);
                }
                return out;
            }
            List<Long> out = new ArrayList<>();
            for (String part : t.split(",")) {
                String p = part.trim();
                if (p.isEmpty()) {
                    continue;
                }
                int dots = p.indexOf("..");
                if (dots >= 0) {
                    long from = Long.parseLong(p.substring(0, dots).trim());
                    long to = Long.parseLong(p.substring(dots + 2).trim());
                    for (long i = from; i <= to; i++) {
                        out.add(i);
                    }
                } else {
                    out.add(Long.parseLong(p));
                }
            }
            if (out.isEmpty()) {
                throw new NumberFormatException();
            }
            return out.stream().distinct().toList();
        } catch (NumberFormatException e) {
            throw new ConfigException(Constants.SEEDS, text, "a count (5), a list (3,7,11) or a range (10..14)");
        }
    }
}
